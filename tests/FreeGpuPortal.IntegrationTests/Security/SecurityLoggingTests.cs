using System.Net;

using FreeGpuPortal.Web.Hosting;

using Serilog.Events;

namespace FreeGpuPortal.IntegrationTests.Security;

public sealed class SecurityLoggingTests(ObservedPortal portal) : IClassFixture<ObservedPortal>
{
    private const string WrongPassword = "Tr0ub4dor&3-not-this-one";

    private static string? Property(LogEvent e, string name) =>
        e.Properties.TryGetValue(name, out var value) ? CapturedLog.Scalar(value) : null;

    private void AssertNoSecretAnywhere()
    {
        Assert.All(portal.Log.Events, e =>
        {
            var text = CapturedLog.Everything(e);
            Assert.DoesNotContain(WrongPassword, text);
            Assert.DoesNotContain(PortalHost.Password, text);
            Assert.DoesNotContain("__RequestVerificationToken", text);
            Assert.DoesNotContain("CfDJ8", text); // the prefix of every data-protected token and cookie
        });
    }

    [Fact]
    public async Task A_failed_sign_in_is_logged_with_user_and_address_and_never_the_password()
    {
        var user = await portal.CreateAdminAsync("log-fail@example.org");

        var response = await PortalHost.SignInAsync(portal.NewClient(), "log-fail@example.org", WrongPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var failure = Assert.Single(portal.Log.Security(SecurityEventTypes.SignInFailed), e => Property(e, "UserEmail") == "log-fail@example.org");
        Assert.Equal(LogEventLevel.Warning, failure.Level);
        Assert.Equal(user.Id, Property(failure, "UserId"));
        Assert.Equal(PortalHostOptions.TestClientIp, Property(failure, "ClientIp"));
        Assert.Equal(SecurityEventLog.Category, Property(failure, "SourceContext"));
        AssertNoSecretAnywhere();
    }

    [Fact]
    public async Task A_sign_in_for_an_unknown_account_is_logged_without_a_user_and_never_logs_a_non_address()
    {
        var response = await PortalHost.PostFormAsync(portal.NewClient(), "/Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = "nobody-here@example.org",
            ["Input.Password"] = WrongPassword,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var failure = Assert.Single(portal.Log.Security(SecurityEventTypes.SignInFailed), e => Property(e, "UserEmail") == "nobody-here@example.org");
        Assert.Equal("-", Property(failure, "UserId"));
        Assert.Equal(PortalHostOptions.TestClientIp, Property(failure, "ClientIp"));
        // Whatever is typed as the account name is logged only when it looks like an address: people type their
        // password there too.
        Assert.Equal("(not an e-mail address)", SecurityEventLog.AttemptedEmail(WrongPassword));
        AssertNoSecretAnywhere();
    }

    [Fact]
    public async Task Success_403_and_sign_out_are_logged_with_user_and_address()
    {
        var user = await portal.CreateUserAsync("log-user@example.org");
        var client = await portal.SignedInClientAsync("log-user@example.org");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin")).StatusCode);
        var manage = await client.GetStringAsync("/Account/Manage");
        var signOut = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalHost.AntiforgeryToken(manage),
            ["returnUrl"] = "",
        }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        foreach (var type in new[] { SecurityEventTypes.SignInSucceeded, SecurityEventTypes.AccessDenied, SecurityEventTypes.SignedOut })
        {
            var logged = Assert.Single(portal.Log.Security(type), e => Property(e, "UserId") == user.Id);
            Assert.Equal("log-user@example.org", Property(logged, "UserEmail"));
            Assert.Equal(PortalHostOptions.TestClientIp, Property(logged, "ClientIp"));
        }

        Assert.Contains("GET /admin", Property(Assert.Single(portal.Log.Security(SecurityEventTypes.AccessDenied), e => Property(e, "UserId") == user.Id), "Detail"));
        AssertNoSecretAnywhere();
    }

    [Fact]
    public async Task Lockout_is_logged()
    {
        var user = await portal.CreateUserAsync("log-locked@example.org");
        var client = portal.NewClient();
        for (var i = 0; i < 5; i++)
        {
            await PortalHost.SignInAsync(client, "log-locked@example.org", WrongPassword);
        }

        var locked = Assert.Single(portal.Log.Security(SecurityEventTypes.LockedOut), e => Property(e, "UserId") == user.Id);
        Assert.Equal(PortalHostOptions.TestClientIp, Property(locked, "ClientIp"));
        AssertNoSecretAnywhere();
    }

    [Fact]
    public async Task A_wrong_authenticator_code_is_logged()
    {
        var user = await portal.CreateAdminAsync("log-2fa@example.org");
        await portal.EnableAuthenticatorAsync("log-2fa@example.org");
        var client = portal.NewClient();
        var password = await PortalHost.SignInAsync(client, "log-2fa@example.org", PortalHost.Password);

        var response = await PortalHost.PostFormAsync(client, password.Headers.Location!.OriginalString, "login-with-2fa",
            new Dictionary<string, string> { ["Input.TwoFactorCode"] = "000000" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(portal.Log.Security(SecurityEventTypes.SignInNeedsSecondFactor), e => Property(e, "UserId") == user.Id);
        var failed = Assert.Single(portal.Log.Security(SecurityEventTypes.SecondFactorFailed), e => Property(e, "UserId") == user.Id);
        Assert.Equal(PortalHostOptions.TestClientIp, Property(failed, "ClientIp"));
        AssertNoSecretAnywhere();
    }

    [Fact]
    public async Task Every_request_log_event_carries_the_address_and_the_signed_in_user()
    {
        var user = await portal.CreateAdminAsync("log-context@example.org");
        var client = await portal.SignedInClientAsync("log-context@example.org");

        await client.GetAsync("/admin");

        // The request's completion event is written outside the log context: it gets the same properties.
        var request = Assert.Single(portal.Log.Events, e =>
            e.MessageTemplate.Text.StartsWith("HTTP", StringComparison.Ordinal)
            && Property(e, "RequestPath") == "/admin"
            && Property(e, "UserId") == user.Id);
        Assert.Equal(PortalHostOptions.TestClientIp, Property(request, "ClientIp"));
        Assert.Equal("log-context@example.org", Property(request, "UserEmail"));
    }
}
