using FreeGpuPortal.Web.Hosting;

using Microsoft.AspNetCore.Identity;

namespace FreeGpuPortal.Web.Accounts;

/// <summary>
/// The administrator commands of the portal's command line:
/// <c>admin create --email someone@example.org</c> creates an administrator;
/// <c>admin reset-password --email someone@example.org</c> gives an existing account a new password (the way to a new
/// password when no e-mail is configured). The password comes from the PORTAL_ADMIN_PASSWORD environment variable or
/// standard input — never from an argument, which would end up in shell history and process listings. There is no
/// default account.
/// </summary>
public static class AdminCommand
{
    public const string PasswordVariable = "PORTAL_ADMIN_PASSWORD";

    private const string Create = "create";
    private const string ResetPassword = "reset-password";

    public static bool IsInvocation(string[] args) => args.Length > 0 && args[0] == "admin";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var verb = args.Length > 1 ? args[1] : null;
        var email = ValueOf(args, "--email");
        if (args.Any(a => a.StartsWith("--password", StringComparison.Ordinal)))
        {
            await error.WriteLineAsync($"Passwords are not taken as arguments. Set {PasswordVariable} or pipe the password to standard input.");
            return 2;
        }

        if (verb is not (Create or ResetPassword) || string.IsNullOrWhiteSpace(email))
        {
            await error.WriteLineAsync("Usage: admin create --email someone@example.org");
            await error.WriteLineAsync("       admin reset-password --email someone@example.org");
            await error.WriteLineAsync($"  The password is read from {PasswordVariable}, or from standard input.");
            return 2;
        }

        var password = await ReadPasswordAsync(input, output);
        if (string.IsNullOrEmpty(password))
        {
            await error.WriteLineAsync($"No password given: set {PasswordVariable} or write it to standard input.");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        return verb == Create
            ? await CreateAsync(scope.ServiceProvider, email, password, output, error)
            : await ResetPasswordAsync(scope.ServiceProvider, email, password, output, error);
    }

    private static async Task<int> CreateAsync(IServiceProvider services, string email, string password, TextWriter output, TextWriter error)
    {
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();

        if (await users.FindByEmailAsync(email) is not null)
        {
            await error.WriteLineAsync($"An account for {email} exists already.");
            return 1;
        }

        if (!await roles.RoleExistsAsync(PortalRoles.Admin))
        {
            await roles.CreateAsync(new IdentityRole(PortalRoles.Admin));
        }

        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true };
        if (!await SucceededAsync(await users.CreateAsync(user, password), error))
        {
            return 1;
        }

        await users.AddToRoleAsync(user, PortalRoles.Admin);
        await output.WriteLineAsync($"Created administrator {email}. Sign in at /Account/Login and set up two-factor sign-in.");
        return 0;
    }

    /// <summary>
    /// A new password under the same rules as any other, through Identity's reset token, which also renews the security
    /// stamp: every open session of the account ends. A lockout from failed attempts is lifted. Two-factor sign-in
    /// stays as it was.
    /// </summary>
    private static async Task<int> ResetPasswordAsync(IServiceProvider services, string email, string password, TextWriter output, TextWriter error)
    {
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            await error.WriteLineAsync($"There is no account for {email}.");
            return 1;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        if (!await SucceededAsync(await users.ResetPasswordAsync(user, token, password), error))
        {
            return 1;
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        services.GetRequiredService<SecurityEventLog>()
            .Write(LogLevel.Warning, SecurityEventTypes.PasswordReset, user.Id, user.Email, "new password set by the admin command");
        await output.WriteLineAsync($"Set a new password for {email}. Its open sessions have ended; sign in at /Account/Login.");
        return 0;
    }

    private static async Task<string?> ReadPasswordAsync(TextReader input, TextWriter output)
    {
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (!string.IsNullOrEmpty(password))
        {
            return password;
        }

        if (!Console.IsInputRedirected && ReferenceEquals(input, Console.In))
        {
            await output.WriteAsync("Password: ");
        }

        return (await input.ReadLineAsync())?.TrimEnd('\r');
    }

    private static async Task<bool> SucceededAsync(IdentityResult result, TextWriter error)
    {
        foreach (var problem in result.Errors)
        {
            await error.WriteLineAsync(problem.Description);
        }

        return result.Succeeded;
    }

    private static string? ValueOf(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
