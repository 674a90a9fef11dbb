using System.Text.RegularExpressions;

using Microsoft.Playwright;

namespace FreeGpuPortal.BrowserTests.Published;

/// <summary>
/// Signing in to the admin area as a person with an authenticator app does, in a page whose context has the portal's
/// address as its base URL: the password, then a TOTP code the test computes from the shared key the account page shows.
/// </summary>
public static class TwoFactorSignIn
{
    /// <summary>
    /// A person types as soon as the next page shows its field; the steps that follow wait for their field. Waiting for
    /// the page's "load" as well has been seen to hang in Chromium (every request done, "load" never reported).
    /// </summary>
    private static readonly PageWaitForURLOptions Arrived = new() { WaitUntil = WaitUntilState.DOMContentLoaded };

    /// <summary>
    /// Signs in an existing admin with the password, sets up an authenticator on the account page (reading the shared
    /// key as a person would type it into an app), signs out and signs in again with password and TOTP code, so the
    /// page ends on <c>/admin</c> with a two-factor session. Returns the shared key for later sign-ins.
    /// </summary>
    public static async Task<string> EnableAuthenticatorAndSignInAgainAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login?ReturnUrl=%2FAccount%2FManage%2FEnableAuthenticator");
        await FillSignInFormAsync(page, email, password);
        await page.WaitForURLAsync(new Regex("/Account/Manage/EnableAuthenticator"), Arrived);
        var sharedKey = (await page.Locator("[data-shared-key]").InnerTextAsync()).Trim();
        await page.Locator("input[name='Input.Code']").FillAsync(Totp.Code(sharedKey, DateTimeOffset.UtcNow));
        await page.Locator("input[name='Input.Code']").PressAsync("Enter");

        // The first authenticator shows recovery codes on the same page; a later one redirects to the 2FA overview.
        await page.Locator("code.recovery-code, a[href$='Account/Manage/ResetAuthenticator']").First.WaitForAsync();

        // The sign-in without a second factor has no access to the admin area; start over as a returning admin.
        await page.Context.ClearCookiesAsync();
        await SignInAsync(page, email, password, sharedKey);
        return sharedKey;
    }

    /// <summary>Signs in with password and a TOTP code computed from <paramref name="sharedKey"/>; ends on /admin.</summary>
    public static async Task SignInAsync(IPage page, string email, string password, string sharedKey)
    {
        await page.GotoAsync("/Account/Login?ReturnUrl=%2Fadmin");
        await FillSignInFormAsync(page, email, password);
        await page.WaitForURLAsync(new Regex("/Account/LoginWith2fa"), Arrived);
        await page.Locator("input[name='Input.TwoFactorCode']").FillAsync(Totp.Code(sharedKey, DateTimeOffset.UtcNow));
        await page.Locator("input[name='Input.TwoFactorCode']").PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/admin$"));
    }

    private static async Task FillSignInFormAsync(IPage page, string email, string password)
    {
        await page.Locator("input[name='Input.Email']").FillAsync(email);
        await page.Locator("input[name='Input.Password']").FillAsync(password);
        await page.Locator("input[name='Input.Password']").PressAsync("Enter");
    }
}
