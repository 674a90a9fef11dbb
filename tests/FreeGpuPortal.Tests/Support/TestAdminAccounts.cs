using System.Security.Claims;

using FreeGpuPortal.Web.Accounts;
using FreeGpuPortal.Web.Hosting;

using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.Tests.Support;

/// <summary>
/// The accounts store as the app registers it (Identity over its own tables in a real SQLite database, with roles and
/// security stamps) plus <see cref="AdminAuthority"/>, for tests that need a real admin account behind a principal.
/// </summary>
public sealed class TestAdminAccounts : IAsyncDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public TestAdminAccounts() => _connection.Open();

    /// <summary>Admin actions need a second factor (the Production default).</summary>
    public bool RequireTwoFactor { get; init; } = true;

    public IServiceCollection AddTo(IServiceCollection services)
    {
        services.AddLogging();
        services.AddHttpContextAccessor();
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddSingleton(new AdminOptions { RequireTwoFactor = RequireTwoFactor });
        services.AddSingleton<SecurityEventLog>();
        services.AddDbContext<AccountsDbContext>(options => options.UseSqlite(_connection));
        services.AddIdentityCore<PortalUser>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddDefaultTokenProviders();
        services.AddScoped<AdminAuthority>();
        return services;
    }

    /// <summary>
    /// Creates the schema and an account holding the Admin role, and returns the principal a two-factor sign-in of it
    /// carries: its id, e-mail, role, security stamp and (when <paramref name="twoFactor"/>) the "amr" claim "mfa".
    /// </summary>
    public static async Task<ClaimsPrincipal> CreateAdminAsync(IServiceProvider services, string userId, string email, bool twoFactor = true)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        await db.Database.EnsureCreatedAsync();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(PortalRoles.Admin))
        {
            await roles.CreateAsync(new IdentityRole(PortalRoles.Admin));
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { Id = userId, UserName = email, Email = email, EmailConfirmed = true };
        Check(await users.CreateAsync(user));
        Check(await users.AddToRoleAsync(user, PortalRoles.Admin));
        return Principal(userId, email, await users.GetSecurityStampAsync(user), twoFactor);
    }

    public static ClaimsPrincipal Principal(string userId, string email, string? securityStamp, bool twoFactor)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, userId),
            new(ClaimTypes.Name, email),
            new(ClaimTypes.Email, email),
            new(ClaimTypes.Role, PortalRoles.Admin),
        };
        if (securityStamp is not null)
        {
            claims.Add(new Claim("AspNet.Identity.SecurityStamp", securityStamp));
        }

        if (twoFactor)
        {
            claims.Add(new Claim("amr", "mfa"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Identity.Application"));
    }

    /// <summary>What a sign-out elsewhere does to the account: a new security stamp.</summary>
    public static async Task SignOutEverywhereAsync(IServiceProvider services, string userId)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Check(await users.UpdateSecurityStampAsync((await users.FindByIdAsync(userId))!));
    }

    public static async Task RemoveAdminRoleAsync(IServiceProvider services, string userId)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Check(await users.RemoveFromRoleAsync((await users.FindByIdAsync(userId))!, PortalRoles.Admin));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
