using System.Security.Claims;

using Bunit;

using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Auditing;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.Tests.Admin;

/// <summary>
/// An admin page rendered over the seeded SQLite catalog, interactive, for a signed-in admin with the Admin role and
/// the user id claim the history records.
/// </summary>
public abstract class AdminComponentTest : PortalComponentTest
{
    public const string AdminUserId = "admin-user-1";
    public const string AdminEmail = "admin@example.org";

    /// <summary>How long to wait for a save to come back: the machine running the suite may be busy.</summary>
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    protected AdminComponentTest()
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized(AdminEmail);
        authorization.SetRoles("Admin");
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, AdminUserId), new Claim(ClaimTypes.Email, AdminEmail));
        // A data directory without backups: the admin index offers none.
        Services.AddSingleton(new FreeGpuPortal.Web.Backups.BackupFolder(Path.Combine(Path.GetTempPath(), "freegpuportal-tests", Guid.NewGuid().ToString("N"))));
        SetRendererInfo(new RendererInfo("Server", true)); // after the services: it starts the renderer
    }

    protected async Task<IReadOnlyList<HistoryEntry>> HistoryOfAsync(string slug) =>
        await Catalog.History.ForPlatformAsync(slug, includeActors: true);

    /// <summary>Types into an input (found by its id) and leaves it, as a browser's change event does.</summary>
    protected static void Enter<T>(IRenderedComponent<T> page, string inputId, string value)
        where T : IComponent =>
        page.Find($"#{inputId}").Change(value);
}
