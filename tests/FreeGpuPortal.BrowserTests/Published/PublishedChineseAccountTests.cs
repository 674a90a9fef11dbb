using System.Text.RegularExpressions;

using Deque.AxeCore.Playwright;

using Microsoft.Playwright;

namespace FreeGpuPortal.BrowserTests.Published;

/// <summary>
/// A Chinese-reading admin on the published build in Production (HTTPS, two-factor sign-in required): sets up the
/// authenticator and signs in on the Chinese pages with password and TOTP, lands in the Chinese admin area, and
/// changes the password there, told in Chinese when the current password is wrong and when it has been changed.
/// </summary>
[Collection(PublishedFormsCollection.Name)]
public sealed class PublishedChineseAccountTests(PublishedFormsFixture portal)
{
    private const string Email = "zh-account-admin@example.org"; // its own account: the others keep their password
    private const string NewPassword = "一壶慢慢烧开的水 and a kettle";

    private static ILocator Input(IPage page, string name) => page.Locator($"[id='Input.{name}']");

    private static async Task SignInAsync(IPage page, string returnUrl, string password)
    {
        await page.GotoAsync("/zh-CN/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        await page.GetByLabel("电子邮件").FillAsync(Email);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
    }

    private static async Task AssertNoAxeViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0, page.Url + ": " + string.Join("\n", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")));
    }

    [Fact]
    public async Task A_Chinese_admin_signs_in_with_a_second_factor_and_changes_the_password_in_Chinese()
    {
        await portal.CreateAdminAsync(Email, PublishedFormsFixture.Password);
        var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        context.Response += (_, response) =>
        {
            if (response.Status >= 500)
            {
                errors.Add($"{response.Status} {response.Request.Method} {response.Url}");
            }
        };

        // A wrong password first: told so in Chinese, the address kept.
        await SignInAsync(page, "/zh-CN/admin", "not the password");
        await Assertions.Expect(page.Locator("main [role=alert]")).ToContainTextAsync("登录失败：电子邮件地址或密码不正确。");
        await Assertions.Expect(page.GetByLabel("电子邮件")).ToHaveValueAsync(Email);

        // The authenticator, set up on the Chinese account page.
        await SignInAsync(page, "/zh-CN/Account/Manage/EnableAuthenticator", PublishedFormsFixture.Password);
        await page.WaitForURLAsync(new Regex("/zh-CN/Account/Manage/EnableAuthenticator$"));
        var sharedKey = (await page.Locator("[data-shared-key]").InnerTextAsync()).Trim();
        await page.GetByLabel("应用中的验证码").FillAsync(Totp.Code(sharedKey, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "验证并启用" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("恢复代码");
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));

        // Signed in again, as a returning admin: password, then the code, and back to the Chinese admin area.
        await context.ClearCookiesAsync();
        await SignInAsync(page, "/zh-CN/admin", PublishedFormsFixture.Password);
        await page.WaitForURLAsync(new Regex("/zh-CN/Account/LoginWith2fa"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("双重身份验证");
        await page.GetByLabel("身份验证器验证码").FillAsync(Totp.Code(sharedKey, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/zh-CN/admin$"));
        await PublishedFormsFixture.WaitUntilInteractiveAsync(page);
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));

        // A wrong current password: Identity's message in Chinese; the new password's fields keep what was typed.
        await page.GotoAsync("/zh-CN/Account/Manage/ChangePassword");
        await Input(page, "OldPassword").FillAsync("not the current password");
        await Input(page, "NewPassword").FillAsync(NewPassword);
        await Input(page, "ConfirmPassword").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "更新密码" }).ClickAsync();
        await Assertions.Expect(page.Locator("main [role=alert]")).ToContainTextAsync("错误：密码不正确。");
        Assert.Matches(new Regex("/zh-CN/Account/Manage/ChangePassword$"), page.Url);
        await Assertions.Expect(Input(page, "NewPassword")).ToHaveValueAsync(NewPassword);
        await Assertions.Expect(Input(page, "ConfirmPassword")).ToHaveValueAsync(NewPassword);

        // An empty form: the required field is named in Chinese.
        await Input(page, "OldPassword").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "更新密码" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("请填写当前密码。");

        // The right one: changed, said in Chinese after the redirect, still on the Chinese page.
        await Input(page, "OldPassword").FillAsync(PublishedFormsFixture.Password);
        await Input(page, "NewPassword").FillAsync(NewPassword);
        await Input(page, "ConfirmPassword").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "更新密码" }).ClickAsync();
        await Assertions.Expect(page.Locator("main .alert-success")).ToHaveTextAsync("你的密码已更改。");
        Assert.Matches(new Regex("/zh-CN/Account/Manage/ChangePassword$"), page.Url);
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        await AssertNoAxeViolationsAsync(page);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_Chinese_login_page_has_no_accessibility_violations_on_desktop_and_phone()
    {
        var desktop = await portal.NewPageAsync();
        await desktop.GotoAsync("/zh-CN/Account/Login");
        await Assertions.Expect(desktop.Locator("h1")).ToHaveTextAsync("登录");
        await AssertNoAxeViolationsAsync(desktop);
        await desktop.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("account-zh-desktop.png"), FullPage = false });

        var phone = await portal.NewPageAsync(width: 375, height: 812);
        await phone.GotoAsync("/zh-CN/Account/Login");
        await AssertNoAxeViolationsAsync(phone);
        var overflow = await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
        Assert.False(overflow, "the Chinese login page scrolls sideways on a phone");
        await phone.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("account-zh-phone.png"), FullPage = false });
    }
}
