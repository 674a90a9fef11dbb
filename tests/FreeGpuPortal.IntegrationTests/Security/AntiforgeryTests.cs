using System.Net;

using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.IntegrationTests.Security;

/// <summary>
/// Static forms post with an antiforgery token; without it the post is refused before the form's handler runs.
/// The admins page is interactive: its form is handled over the circuit, never posted.
/// </summary>
public sealed class AntiforgeryTests(ObservedPortal portal) : IClassFixture<ObservedPortal>
{
    [Fact]
    public async Task The_sign_in_form_without_its_token_is_refused_with_400_and_signs_nobody_in()
    {
        await portal.CreateAdminAsync("forgery@example.org");
        var client = portal.NewClient();
        await client.GetStringAsync("/Account/Login"); // the antiforgery cookie, but no token in the post

        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = "forgery@example.org",
            ["Input.Password"] = PortalHost.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Signing_out_without_the_token_is_refused()
    {
        await portal.CreateAdminAsync("forgery-out@example.org");
        var client = await portal.SignedInClientAsync("forgery-out@example.org");

        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode); // still signed in
    }

    [Fact]
    public async Task A_manage_form_without_its_token_is_refused()
    {
        await portal.CreateAdminAsync("forgery-manage@example.org");
        var client = await portal.SignedInClientAsync("forgery-manage@example.org");

        var response = await client.PostAsync("/Account/Manage/ChangePassword", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "change-password",
            ["Input.OldPassword"] = PortalHost.Password,
            ["Input.NewPassword"] = "another long pass phrase",
            ["Input.ConfirmPassword"] = "another long pass phrase",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var user = await portal.FindUserAsync("forgery-manage@example.org");
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<FreeGpuPortal.Web.Accounts.PortalUser>>();
        Assert.True(await users.CheckPasswordAsync(user, PortalHost.Password));
    }

    [Fact]
    public async Task The_admins_page_renders_no_static_form_post_target()
    {
        await portal.CreateAdminAsync("forgery-admins@example.org");
        var client = await portal.SignedInClientAsync("forgery-admins@example.org");

        var html = await client.GetStringAsync("/admin/admins");

        // The add-admin form is interactive: posting it statically is not a way in.
        var response = await client.PostAsync("/admin/admins", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "add-admin",
        }));
        Assert.Contains("data-testid=\"new-admin-email\"", html);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
