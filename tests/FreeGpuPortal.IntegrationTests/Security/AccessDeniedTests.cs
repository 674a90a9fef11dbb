using System.Net;

namespace FreeGpuPortal.IntegrationTests.Security;

public sealed class AccessDeniedTests(ObservedPortal portal) : IClassFixture<ObservedPortal>
{
    [Fact]
    public async Task A_signed_in_non_admin_gets_403_with_the_access_denied_page_not_a_redirect_or_not_found()
    {
        await portal.CreateUserAsync("denied@example.org");
        var client = await portal.SignedInClientAsync("denied@example.org");

        var response = await client.GetAsync("/admin");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("Access denied", html);
        Assert.Contains("data-reason=\"not-allowed\"", html);
        Assert.DoesNotContain("data-reason=\"two-factor\"", html);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Anonymous_visitors_are_still_redirected_to_sign_in_with_a_return_url()
    {
        var response = await portal.NewClient().GetAsync("/admin/admins");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location?.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fadmin%2Fadmins", response.Headers.Location?.Query);
    }

    [Fact]
    public async Task The_access_denied_page_itself_answers_200_to_anyone()
    {
        var response = await portal.NewClient().GetAsync("/Account/AccessDenied");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Access denied", await response.Content.ReadAsStringAsync());
    }
}

public sealed class TwoFactorAccessTests(TwoFactorPortal portal) : IClassFixture<TwoFactorPortal>
{
    [Fact]
    public async Task An_admin_signed_in_without_a_second_factor_gets_403_saying_so_with_a_link_to_set_it_up()
    {
        await portal.CreateAdminAsync("no2fa@example.org");
        var client = await portal.SignedInClientAsync("no2fa@example.org");

        var response = await client.GetAsync("/admin");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("data-reason=\"two-factor\"", html);
        Assert.Contains("href=\"Account/Manage/TwoFactorAuthentication\"", html);
        // The page to set it up is open to this admin.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Manage/TwoFactorAuthentication")).StatusCode);
    }

    [Fact]
    public async Task An_admin_signing_in_with_an_authenticator_code_gets_in_and_stays_in_after_revalidation()
    {
        await portal.CreateAdminAsync("with2fa@example.org");
        var key = await portal.EnableAuthenticatorAsync("with2fa@example.org");
        var client = portal.NewClient();

        var password = await PortalHost.SignInAsync(client, "with2fa@example.org", PortalHost.Password);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.Contains("/Account/LoginWith2fa", password.Headers.Location?.OriginalString);
        var secondFactor = await PortalHost.PostFormAsync(client, password.Headers.Location!.OriginalString, "login-with-2fa",
            new Dictionary<string, string> { ["Input.TwoFactorCode"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, secondFactor.StatusCode);

        // Validation runs on every request here (SessionValidationSeconds = 0) and rebuilds the principal: the
        // two-factor claim must survive it, or admins would be shut out after the first interval.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/admins")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
    }
}
