using System.Net;

namespace FreeGpuPortal.IntegrationTests.Security;

/// <summary>Outside Development, over HTTPS: every cookie the app sets is HttpOnly, Secure and SameSite=Strict.</summary>
public sealed class CookieTests(ProductionPortal portal) : IClassFixture<ProductionPortal>
{
    private static IReadOnlyList<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values] : [];

    private static void AssertLockedDown(string setCookie)
    {
        var attributes = setCookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.True(attributes.Contains("httponly"), setCookie);
        Assert.True(attributes.Contains("secure"), setCookie);
        Assert.True(attributes.Contains("samesite=strict"), setCookie);
    }

    [Fact]
    public async Task The_antiforgery_cookie_of_the_sign_in_form()
    {
        var response = await portal.NewClient().GetAsync("/Account/Login");

        var cookies = SetCookies(response);
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.All(cookies, AssertLockedDown);
    }

    [Fact]
    public async Task The_sign_in_cookie()
    {
        await portal.CreateAdminAsync("cookie-admin@example.org");
        var client = portal.NewClient();

        var response = await PortalHost.SignInAsync(client, "cookie-admin@example.org", PortalHost.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookies = SetCookies(response);
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.All(cookies, AssertLockedDown);
    }

    [Fact]
    public async Task The_two_factor_cookies()
    {
        await portal.CreateAdminAsync("cookie-2fa@example.org");
        var key = await portal.EnableAuthenticatorAsync("cookie-2fa@example.org");
        var client = portal.NewClient();

        var password = await PortalHost.SignInAsync(client, "cookie-2fa@example.org", PortalHost.Password);
        var passwordCookies = SetCookies(password);
        Assert.Contains(passwordCookies, c => c.StartsWith("Identity.TwoFactorUserId=", StringComparison.Ordinal));
        Assert.All(passwordCookies, AssertLockedDown);

        var secondFactor = await PortalHost.PostFormAsync(client, password.Headers.Location!.OriginalString, "login-with-2fa",
            new Dictionary<string, string> { ["Input.TwoFactorCode"] = Totp.Code(key), ["Input.RememberMachine"] = "true" });
        var cookies = SetCookies(secondFactor);
        Assert.Contains(cookies, c => c.StartsWith("Identity.TwoFactorRememberMe=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.All(cookies, AssertLockedDown);

        // Production requires a second factor for the admin area: this sign-in has it.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
    }
}
