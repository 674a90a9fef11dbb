using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;

using FreeGpuPortal.Web.Accounts;

using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.Testing;

/// <summary>Accounts on a test host: admins made with the portal's own command, users, sign-ins through the form.</summary>
public partial class PortalHost
{
    /// <summary>The password of every account a test host makes.</summary>
    public const string Password = "correct horse battery staple";

    /// <summary>An admin made as an operator makes one: <c>admin create --email …</c>, the password on standard input.</summary>
    public async Task<PortalUser> CreateAdminAsync(string email)
    {
        var error = new StringWriter();
        var code = await AdminCommand.RunAsync(Services, ["admin", "create", "--email", email], new StringReader(Password + "\n"), TextWriter.Null, error);
        if (code != 0)
        {
            throw new InvalidOperationException($"admin create --email {email} failed ({code}): {error}");
        }

        return await FindUserAsync(email);
    }

    /// <summary>A signed-up visitor with a confirmed email address and no role.</summary>
    public async Task<PortalUser> CreateUserAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"{email} was not created: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        }

        return user;
    }

    public async Task<PortalUser> FindUserAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
    }

    /// <summary>Turns on an authenticator for the account and returns its key, to compute codes with <see cref="Totp"/>.</summary>
    public async Task<string> EnableAuthenticatorAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    /// <summary>The principal a sign-in of this account would carry now (roles, security stamp).</summary>
    public async Task<ClaimsPrincipal> PrincipalAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var claims = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        return await claims.CreateAsync(user);
    }

    /// <summary>A client signed in with the password through the Login form (the client keeps the cookies).</summary>
    public async Task<HttpClient> SignedInClientAsync(string email)
    {
        var client = NewClient();
        var response = await SignInAsync(client, email, Password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in of {email}: {response.StatusCode}");
        }

        return client;
    }

    /// <summary>A client signed in as a new admin through the sign-in form.</summary>
    public async Task<HttpClient> AdminClientAsync(string email)
    {
        await CreateAdminAsync(email);
        return await SignedInClientAsync(email);
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        await PostFormAsync(client, "/Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>Reads the form page for its antiforgery token, then posts the form with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client, string path, string handler, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        fields["__RequestVerificationToken"] = AntiforgeryToken(page);
        fields["_handler"] = handler;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    public static string AntiforgeryToken(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value is { Length: > 0 } token
            ? token
            : throw new InvalidOperationException("The page has no antiforgery token.");
}
