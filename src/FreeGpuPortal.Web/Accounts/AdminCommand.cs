using Microsoft.AspNetCore.Identity;

namespace FreeGpuPortal.Web.Accounts;

/// <summary>
/// `FreeGpuPortal.Web admin create --email someone@example.org` creates an administrator. The password comes from the
/// PORTAL_ADMIN_PASSWORD environment variable or standard input — never from an argument, which would end up in shell
/// history and process listings. There is no default account.
/// </summary>
public static class AdminCommand
{
    public const string PasswordVariable = "PORTAL_ADMIN_PASSWORD";

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

        if (verb != "create" || string.IsNullOrWhiteSpace(email))
        {
            await error.WriteLineAsync("Usage: admin create --email someone@example.org");
            await error.WriteLineAsync($"  The password is read from {PasswordVariable}, or from standard input.");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            if (!Console.IsInputRedirected && ReferenceEquals(input, Console.In))
            {
                await output.WriteAsync("Password: ");
            }

            password = (await input.ReadLineAsync())?.TrimEnd('\r');
        }

        if (string.IsNullOrEmpty(password))
        {
            await error.WriteLineAsync($"No password given: set {PasswordVariable} or write it to standard input.");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();

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
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            foreach (var problem in created.Errors)
            {
                await error.WriteLineAsync(problem.Description);
            }

            return 1;
        }

        await users.AddToRoleAsync(user, PortalRoles.Admin);
        await output.WriteLineAsync($"Created administrator {email}. Sign in at /Account/Login and set up two-factor sign-in.");
        return 0;
    }

    private static string? ValueOf(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
