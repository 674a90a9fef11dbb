using System.Net;
using System.Text.RegularExpressions;

using FreeGpuPortal.Web.Accounts;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.IntegrationTests.Accounts;

public sealed class AccountTests(PortalHost factory) : IClassFixture<PortalHost>
{
    private const string GoodPassword = "correct horse battery staple";

    private async Task<(int Code, string Output, string Error)> RunAdminCommandAsync(string password, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await AdminCommand.RunAsync(factory.Services, ["admin", .. args], new StringReader(password + "\n"), output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task The_admin_command_creates_an_admin_with_the_password_from_standard_input()
    {
        var (code, output, _) = await RunAdminCommandAsync(GoodPassword, "create", "--email", "first@example.org");

        Assert.Equal(0, code);
        Assert.Contains("Created administrator first@example.org", output);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync("first@example.org");
        Assert.NotNull(user);
        Assert.True(await users.IsInRoleAsync(user, PortalRoles.Admin));
        Assert.True(await users.CheckPasswordAsync(user, GoodPassword));
        Assert.True(user.EmailConfirmed);
    }

    [Theory]
    [InlineData("short pass", "Passwords must be at least 12 characters.")]
    [InlineData("passwordpassword", null)] // long enough but trivially guessable is fine by length; see the common list below
    [InlineData("baseball1234", null)]
    public async Task Password_length_is_the_rule_not_composition(string password, string? expectedError)
    {
        var email = $"len{Guid.NewGuid():N}@example.org"[..20] + "@example.org";
        var (code, _, error) = await RunAdminCommandAsync(password, "create", "--email", email);

        if (expectedError is null)
        {
            Assert.Equal(0, code);
        }
        else
        {
            Assert.Equal(1, code);
            Assert.Contains(expectedError, error);
        }
    }

    [Theory]
    [InlineData("unbelievable")] // on the common-password list
    [InlineData("Scandinavian")] // matched regardless of case
    public async Task Common_passwords_are_refused(string password)
    {
        Assert.True(PasswordRules.CommonPasswordCount >= 10_000);
        var (code, _, error) = await RunAdminCommandAsync(password, "create", "--email", $"c{Guid.NewGuid():N}"[..12] + "@example.org");

        Assert.Equal(1, code);
        Assert.Contains("commonly used passwords", error);
    }

    [Fact]
    public async Task A_password_holding_the_email_name_is_refused_and_64_characters_are_fine()
    {
        var refused = await RunAdminCommandAsync("my name is margarethe, hello", "create", "--email", "margarethe@example.org");
        Assert.Equal(1, refused.Code);
        Assert.Contains("must not contain the name part of your e-mail address", refused.Error);

        var long64 = string.Concat(Enumerable.Repeat("a long pass phrase! ", 4))[..64];
        var accepted = await RunAdminCommandAsync(long64, "create", "--email", "longpass@example.org");
        Assert.Equal(0, accepted.Code);
    }

    [Fact]
    public async Task Passwords_are_never_taken_as_arguments_and_accounts_are_not_created_twice()
    {
        var argument = await RunAdminCommandAsync(GoodPassword, "create", "--email", "arg@example.org", "--password", GoodPassword);
        Assert.Equal(2, argument.Code);
        Assert.Contains("Passwords are not taken as arguments", argument.Error);

        Assert.Equal(0, (await RunAdminCommandAsync(GoodPassword, "create", "--email", "twice@example.org")).Code);
        var again = await RunAdminCommandAsync(GoodPassword, "create", "--email", "twice@example.org");
        Assert.Equal(1, again.Code);
        Assert.Contains("exists already", again.Error);
    }

    [Fact]
    public async Task Reset_password_sets_a_new_password_from_standard_input_and_lifts_a_lockout()
    {
        Assert.Equal(0, (await RunAdminCommandAsync(GoodPassword, "create", "--email", "reset@example.org")).Code);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync("reset@example.org"))!, DateTimeOffset.UtcNow.AddHours(1));
        }

        var tooShort = await RunAdminCommandAsync("short", "reset-password", "--email", "reset@example.org");
        var unknown = await RunAdminCommandAsync("another long pass phrase", "reset-password", "--email", "nobody@example.org");
        var (code, output, _) = await RunAdminCommandAsync("another long pass phrase", "reset-password", "--email", "reset@example.org");

        Assert.Equal(1, tooShort.Code);
        Assert.Contains("at least 12 characters", tooShort.Error);
        Assert.Equal(1, unknown.Code);
        Assert.Contains("no account for nobody@example.org", unknown.Error);
        Assert.Equal(0, code);
        Assert.Contains("Set a new password for reset@example.org", output);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByEmailAsync("reset@example.org"))!;
            Assert.True(await users.CheckPasswordAsync(user, "another long pass phrase"));
            Assert.False(await users.CheckPasswordAsync(user, GoodPassword));
            Assert.False(await users.IsLockedOutAsync(user));
        }

        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, "reset@example.org", "another long pass phrase")).StatusCode);
    }

    [Fact]
    public async Task Reset_password_takes_no_password_argument()
    {
        var argument = await RunAdminCommandAsync(GoodPassword, "reset-password", "--email", "x@example.org", "--password", GoodPassword);

        Assert.Equal(2, argument.Code);
        Assert.Contains("Passwords are not taken as arguments", argument.Error);
    }

    [Fact]
    public async Task There_is_no_self_registration()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/Account/Register");
        var login = await client.GetStringAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Register", login);
    }

    [Fact]
    public async Task The_admin_area_sends_anonymous_visitors_to_sign_in()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        Assert.Equal(0, (await RunAdminCommandAsync(GoodPassword, "create", "--email", "locked@example.org")).Code);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var failed = await SignInAsync(client, "locked@example.org", "wrong password " + attempt);
            Assert.True(failed.StatusCode == HttpStatusCode.OK, $"attempt {attempt}: {failed.StatusCode} {failed.Headers.Location}");
            Assert.Contains("Invalid login attempt", await failed.Content.ReadAsStringAsync());
        }

        var fifth = await SignInAsync(client, "locked@example.org", "wrong password 5");
        Assert.Equal(HttpStatusCode.Redirect, fifth.StatusCode);
        Assert.EndsWith("/Account/Lockout", fifth.Headers.Location?.OriginalString);

        // Locked: even the right password is refused for now.
        var locked = await SignInAsync(client, "locked@example.org", GoodPassword);
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.EndsWith("/Account/Lockout", locked.Headers.Location?.OriginalString);
    }

    internal static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/Account/Login");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }
}

public sealed class SignInRateLimitTests : IAsyncLifetime
{
    private readonly PortalHost _factory = PortalHost.For(PortalHostOptions.Default.WithSettings(new Dictionary<string, string>
    {
        ["RateLimits:SignIn:PermitPerMinute"] = "2",
    }));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Failed_sign_in_attempts_are_limited_per_address_and_a_person_gets_a_page_saying_when_to_retry()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var first = await AccountTests.SignInAsync(client, "nobody@example.org", "not the password");
        var second = await AccountTests.SignInAsync(client, "nobody@example.org", "not the password");
        var third = await AccountTests.SignInAsync(client, "nobody@example.org", "not the password");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter);
        Assert.Equal("text/html", third.Content.Headers.ContentType?.MediaType);
        var page = await third.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"too-many-requests\"", page);
        Assert.Contains("Try again in", page);
        Assert.DoesNotContain("\"status\"", page); // not the API's JSON
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode); // reading the form is not limited
    }

    [Fact]
    public async Task Signing_in_successfully_again_and_again_never_hits_the_limit()
    {
        const string email = "busy-admin@example.org";
        const string password = "a long admin password for tests";
        Assert.Equal(0, await AdminCommand.RunAsync(
            _factory.Services, ["admin", "create", "--email", email], new StringReader(password + "\n"), TextWriter.Null, TextWriter.Null));

        for (var i = 0; i < 5; i++)
        {
            var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var signIn = await AccountTests.SignInAsync(client, email, password);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode); // the limit is 2 failures; successes do not count
        }
    }
}
