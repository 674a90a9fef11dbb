using System.Net;
using System.Text.RegularExpressions;

using FreeGpuPortal.Web.Accounts;
using FreeGpuPortal.Web.Hosting;

using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

using static FreeGpuPortal.IntegrationTests.Localization.ChineseAccountPageText;

namespace FreeGpuPortal.IntegrationTests.Accounts;

/// <summary>
/// The account pages as an admin meets them: no promise of an e-mail nobody sends, none of the template's leftovers,
/// the site's header and navigation, and the last-admin rule when an account deletes itself.
/// </summary>
public sealed class AccountPagesTests(ObservedPortal portal) : IClassFixture<ObservedPortal>
{
    [Fact]
    public async Task Without_an_email_sender_no_page_offers_a_password_email_and_login_says_how_to_get_a_new_password()
    {
        var client = portal.NewClient();

        var login = await client.GetStringAsync("/Account/Login");
        var forgot = await client.GetStringAsync("/Account/ForgotPassword");
        var resend = await client.GetStringAsync("/Account/ResendEmailConfirmation");

        Assert.DoesNotContain("href=\"Account/ForgotPassword\"", login);
        Assert.DoesNotContain("href=\"Account/ResendEmailConfirmation\"", login);
        Assert.Contains("admin reset-password --email", login);
        Assert.DoesNotContain("Use a local account", login);
        Assert.Contains("admin reset-password --email", forgot);
        Assert.DoesNotContain("name=\"Input.Email\"", forgot);
        Assert.DoesNotContain("name=\"Input.Email\"", resend);
    }

    [Fact]
    public async Task The_profile_has_no_phone_number_and_the_account_pages_have_the_sites_header_navigation_and_sign_out()
    {
        await portal.CreateAdminAsync("profile@example.org");
        var client = await portal.SignedInClientAsync("profile@example.org");

        foreach (var path in new[] { "/Account/Manage", "/Account/Manage/ChangePassword", "/Account/Manage/TwoFactorAuthentication", "/Account/Manage/PersonalData" })
        {
            var html = await client.GetStringAsync(path);
            Assert.Contains("<header class=\"app-bar\">", html);
            Assert.Contains("data-testid=\"admin-nav\"", html);
            Assert.Contains("href=\"admin\"", html);
            Assert.Matches("<form action=\"Account/Logout\" method=\"post\"", html);
            Assert.Contains("data-testid=\"sign-out\"", html);
            Assert.DoesNotContain("Phone", html, StringComparison.OrdinalIgnoreCase);
        }

        var profile = await client.GetStringAsync("/Account/Manage");
        Assert.Contains("profile@example.org", profile);
        Assert.DoesNotContain("href=\"Account/Manage/Email\"", profile); // changing it would need an e-mail
    }

    [Fact]
    public async Task The_authenticator_page_draws_a_qr_code_of_the_key_and_shows_the_key()
    {
        await portal.CreateAdminAsync("qr@example.org");
        var client = await portal.SignedInClientAsync("qr@example.org");

        var html = await client.GetStringAsync("/Account/Manage/EnableAuthenticator");

        Assert.DoesNotContain("enable QR code generation", html);
        Assert.Matches("<svg [^>]*role=\"img\"[^>]*aria-label=\"QR code for the authenticator app\"", html);
        Assert.Matches("<path fill=\"#000\" d=\"(M\\d+ \\d+h1v1h-1z)+\"", html);
        var key = Regex.Match(html, "<kbd data-shared-key>([^<]+)</kbd>").Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.Equal((await users.GetAuthenticatorKeyAsync(await portal.FindUserAsync("qr@example.org")))!.ToLowerInvariant(), key);
    }

    [Fact]
    public async Task The_last_admin_cannot_delete_their_account_even_from_a_tab_opened_while_there_were_two()
    {
        await portal.CreateAdminAsync("last-a@example.org");
        await portal.CreateAdminAsync("last-b@example.org");
        var a = await portal.SignedInClientAsync("last-a@example.org");
        var b = await portal.SignedInClientAsync("last-b@example.org");
        var staleForm = await a.GetStringAsync("/Account/Manage/DeletePersonalData"); // two admins: A may delete
        Assert.DoesNotContain("data-testid=\"last-admin\"", staleForm);

        // B deletes their account: allowed, one admin is left.
        var deleted = await PortalHost.PostFormAsync(b, "/Account/Manage/DeletePersonalData", "delete-user",
            new Dictionary<string, string> { ["Input.Password"] = PortalHost.Password });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Null(await FindOrNullAsync("last-b@example.org"));

        // A posts the form of the page opened earlier: refused with the reason, the account stays.
        var refused = await a.PostAsync("/Account/Manage/DeletePersonalData", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalHost.AntiforgeryToken(staleForm),
            ["_handler"] = "delete-user",
            ["Input.Password"] = PortalHost.Password,
        }));
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("You are the last admin", html);
        Assert.Contains("data-testid=\"last-admin\"", html);
        Assert.NotNull(await FindOrNullAsync("last-a@example.org"));
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync("/admin")).StatusCode); // still signed in
        Assert.NotEmpty(portal.Log.Security(SecurityEventTypes.AccountDeletionRefused));
    }

    private async Task<PortalUser?> FindOrNullAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email);
    }
}

/// <summary>
/// With an SMTP server configured, the password e-mail is offered, sent in the language of the page that asked for it,
/// and its link sets a new password on a page in that language.
/// </summary>
public sealed class PasswordEmailTests : IAsyncLifetime
{
    private readonly LoopbackSmtpServer _smtp = new();
    private PortalHost? _portal;

    public Task InitializeAsync()
    {
        _portal = EmailPortal(_smtp.Port);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
        }

        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task Forgot_password_sends_a_link_that_sets_a_new_password()
    {
        var portal = _portal!;
        await portal.CreateAdminAsync("forgetful@example.org");
        var client = portal.NewClient();

        var login = await client.GetStringAsync("/Account/Login");
        Assert.Contains("href=\"Account/ForgotPassword\"", login);
        var sent = await PortalHost.PostFormAsync(client, "/Account/ForgotPassword", "forgot-password",
            new Dictionary<string, string> { ["Input.Email"] = "forgetful@example.org" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var message = ReceivedMail.Parse(Assert.Single(_smtp.Messages));
        Assert.Equal("forgetful@example.org", message.To);
        Assert.Equal("Reset your password", message.Subject);
        Assert.Contains("<p lang=\"en\">Someone asked to reset your FreeGpuPortal password. If it was you: <a href=", message.Body);
        var link = WebUtility.HtmlDecode(Regex.Match(message.Body, "href=\"([^\"]+)\"").Groups[1].Value);
        var reset = new Uri(link).PathAndQuery;
        Assert.StartsWith("/Account/ResetPassword?code=", reset);

        const string newPassword = "a brand new pass phrase";
        var done = await PortalHost.PostFormAsync(client, reset, "reset-password", new Dictionary<string, string>
        {
            ["Input.Email"] = "forgetful@example.org",
            ["Input.Password"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalHost.SignInAsync(portal.NewClient(), "forgetful@example.org", newPassword)).StatusCode);
    }

    [Fact]
    public async Task On_the_Chinese_pages_the_password_email_is_sent_in_Chinese_and_its_link_opens_the_Chinese_reset_page()
    {
        var portal = _portal!;
        const string email = "zh-forgetful@example.org";
        await portal.CreateAdminAsync(email);
        var client = portal.NewClient();

        Assert.Contains("href=\"Account/ForgotPassword\"", await client.GetStringAsync("/zh-CN/Account/Login"));
        var sent = await PortalHost.PostFormAsync(client, "/zh-CN/Account/ForgotPassword", "forgot-password",
            new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("/zh-CN/Account/ForgotPasswordConfirmation", sent.Headers.Location!.AbsolutePath);
        AssertNoEnglish("the Chinese confirmation", await client.GetStringAsync(sent.Headers.Location));

        var message = ReceivedMail.Parse(Assert.Single(_smtp.Messages));
        Assert.Equal("重置您的密码", message.Subject);
        Assert.Contains("<p lang=\"zh-CN\">有人请求重置您的 FreeGpuPortal 密码。如果是您本人：<a href=", message.Body);
        Assert.Contains(">设置新密码</a>。如果不是，请忽略此邮件。</p>", message.Body);
        var reset = new Uri(WebUtility.HtmlDecode(Regex.Match(message.Body, "href=\"([^\"]+)\"").Groups[1].Value)).PathAndQuery;
        Assert.StartsWith("/zh-CN/Account/ResetPassword?code=", reset);
        var resetPage = await client.GetStringAsync(reset);
        Assert.Equal("zh-CN", HtmlLang().Match(resetPage).Groups[1].Value);
        AssertNoEnglish("the Chinese reset page", resetPage);

        const string newPassword = "一个足够长的新密码 and more";
        var done = await PortalHost.PostFormAsync(client, reset, "reset-password", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/zh-CN/Account/ResetPasswordConfirmation", done.Headers.Location!.AbsolutePath);
        AssertNoEnglish("the Chinese reset confirmation", await client.GetStringAsync(done.Headers.Location));
        Assert.Equal(HttpStatusCode.Redirect, (await PortalHost.SignInAsync(portal.NewClient(), email, newPassword)).StatusCode);
    }

    [Theory]
    [InlineData("Account/ForgotPassword")]
    [InlineData("Account/ResendEmailConfirmation")]
    [InlineData("Account/Manage")]
    [InlineData("Account/Manage/Email")]
    public async Task With_an_email_sender_the_pages_that_offer_email_are_in_Chinese_under_zh_CN(string path)
    {
        var email = $"zh-smtp-{path.Replace('/', '-').ToLowerInvariant()}@example.org";
        await _portal!.CreateAdminAsync(email);

        await AssertChinesePageAsync(await _portal.SignedInClientAsync(email), path, email);
    }

    /// <summary>The app sending its emails to the local SMTP server on <paramref name="smtpPort"/>.</summary>
    private static PortalHost EmailPortal(int smtpPort) => PortalHost.For(PortalHostOptions.Observed.WithSettings(new Dictionary<string, string>
    {
        ["Email:SmtpHost"] = "127.0.0.1",
        ["Email:SmtpPort"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:EnableSsl"] = "false",
        ["Email:From"] = "portal@example.org",
    }));
}
