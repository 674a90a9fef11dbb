using System.Security.Claims;

using Bunit;
using Bunit.TestDoubles;

using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Accounts;
using FreeGpuPortal.Web.Auditing;

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.Tests.Admin;

/// <summary>
/// An admin page rendered over the seeded SQLite catalog, interactive, for a signed-in admin with the Admin role and
/// the user id claim the history records. The account is real (Identity over its own SQLite database), so an action
/// that checks the admin's authority as it acts finds the account, its role and its security stamp.
/// </summary>
public abstract class AdminComponentTest : PortalComponentTest
{
    private readonly SqliteConnection _accounts = new("Data Source=:memory:");
    private readonly BunitAuthorizationContext _authorization;

    public const string AdminUserId = "admin-user-1";
    public const string AdminEmail = "admin@example.org";

    /// <summary>How long to wait for a save to come back: the machine running the suite may be busy.</summary>
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    protected AdminComponentTest()
    {
        _accounts.Open();
        Services.AddDbContext<AccountsDbContext>(options => options.UseSqlite(_accounts));
        Services.AddIdentityCore<PortalUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<AccountsDbContext>();
        Services.AddSingleton<AdminAuthorityCheck>();
        _authorization = AddAuthorization();
        _authorization.SetAuthorized(AdminEmail);
        _authorization.SetRoles("Admin");
        _authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, AdminUserId), new Claim(ClaimTypes.Email, AdminEmail));
        SetRendererInfo(new RendererInfo("Server", true)); // after the services: it starts the renderer
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Database.EnsureCreatedAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        await scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>().CreateAsync(new IdentityRole(PortalRoles.Admin));
        var admin = new PortalUser { Id = AdminUserId, UserName = AdminEmail, Email = AdminEmail };
        await users.CreateAsync(admin);
        await users.AddToRoleAsync(admin, PortalRoles.Admin);
        SignedInWithStamp(await users.GetSecurityStampAsync(admin));
    }

    protected override ValueTask DisposeResourcesAsync() => _accounts.DisposeAsync();

    /// <summary>The signed-in admin's claims, carrying <paramref name="stamp"/> as the sign-in's security stamp.</summary>
    protected void SignedInWithStamp(string? stamp) =>
        _authorization.SetClaims(
            new Claim(ClaimTypes.NameIdentifier, AdminUserId), new Claim(ClaimTypes.Email, AdminEmail),
            new Claim(new IdentityOptions().ClaimsIdentity.SecurityStampClaimType, stamp ?? ""));

    protected async Task<IReadOnlyList<HistoryEntry>> HistoryOfAsync(string slug) =>
        await Catalog.History.ForPlatformAsync(slug, includeActors: true);

    /// <summary>Types into an input (found by its id) and leaves it, as a browser's change event does.</summary>
    protected static void Enter<T>(IRenderedComponent<T> page, string inputId, string value)
        where T : IComponent =>
        page.Find($"#{inputId}").Change(value);
}
