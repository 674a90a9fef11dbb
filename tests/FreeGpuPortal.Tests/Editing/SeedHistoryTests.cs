using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Catalog.Editing;

using Microsoft.EntityFrameworkCore;

using static FreeGpuPortal.Tests.Editing.EditingAssertions;

namespace FreeGpuPortal.Tests.Editing;

/// <summary>Seeding records one seed entry per platform it inserts, by the system, citing the article; never twice.</summary>
public sealed class SeedHistoryTests
{
    [Fact]
    public async Task Seeding_records_one_seed_entry_per_platform_citing_the_article()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        await using var db = await catalog.ContextFactory.CreateDbContextAsync();

        var entries = await db.CatalogChanges.AsNoTracking().Include(c => c.Fields).Include(c => c.Platform).ToListAsync();

        Assert.Equal(["colab", "gradient", "kaggle"], entries.Select(e => e.Platform!.Slug).Order());
        Assert.All(entries, entry =>
        {
            Assert.Equal(ChangeKind.Seed, entry.Kind);
            Assert.Equal(Actor.System.UserId, entry.ActorUserId);
            Assert.Equal(CatalogSeeder.SeedNote, entry.Note);
            Assert.Equal(SqliteCatalog.Article.Url, entry.EvidenceUrl);
            Assert.Equal(ManualTimeProvider.DefaultStart.UtcDateTime, entry.AtUtc);
            Assert.Equal(entry.Platform!.ConcurrencyStamp, entry.ConcurrencyStampAfter);
            Assert.Contains(entry.Fields, f => f.Field == "Slug" && f.NewJson == Json(entry.Platform.Slug));
            Assert.All(entry.Fields, f => Assert.Null(f.OldJson));
        });
        var kaggle = entries.Single(e => e.Platform!.Slug == "kaggle");
        Assert.Equal(30, Deserialize<SpecEditModel>(kaggle.Fields.Single(f => f.Field == "WeeklyGpuHours").NewJson).Min);
    }

    [Fact]
    public async Task Seeding_twice_records_the_seed_history_once()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var count = await catalog.HistoryCountAsync();

        await catalog.SeedAsync();
        await catalog.SeedAsync();

        Assert.Equal(3, count);
        Assert.Equal(count, await catalog.HistoryCountAsync());
    }

    [Fact]
    public async Task A_catalog_from_before_history_gets_one_baseline_entry_per_platform()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        await using (var db = await catalog.ContextFactory.CreateDbContextAsync())
        {
            // As a database migrated from before history was kept: platforms, no entries.
            await db.CatalogChanges.ExecuteDeleteAsync();
        }

        await catalog.SeedAsync();
        await catalog.SeedAsync();

        var history = (await catalog.History.ForPlatformPageAsync("colab", includeActors: true, page: 1, pageSize: CatalogHistory.MaxPageSize)).Entries;
        var baseline = Assert.Single(history);
        Assert.Equal(ChangeKind.Seed, baseline.Kind);
        Assert.Equal(CatalogSeeder.BaselineNote, baseline.Note);
        Assert.Equal(3, await catalog.HistoryCountAsync());

        // The baseline knows the current stamp, so a stale form's conflict names exactly what changed since.
        var stale = await catalog.CurrentAsync("colab");
        await catalog.Editor.EditAsync("colab", c => c.Vendor = "Alphabet");
        var conflict = Assert.IsType<EditResult.ConcurrencyConflict>(
            await catalog.Editor.UpdateAsync(new PlatformChangeRequest(stale, ChangeEvidence.None, AdminA)));
        Assert.Equal(["Vendor"], conflict.ChangedFields);
    }

    [Fact]
    public async Task The_platforms_seeded_again_after_a_manual_delete_get_their_own_seed_entry()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        await using (var db = await catalog.ContextFactory.CreateDbContextAsync())
        {
            var kaggleId = await db.Platforms.Where(p => p.Slug == "kaggle").Select(p => p.Id).SingleAsync();
            await db.CatalogChanges.Where(c => c.PlatformId == kaggleId).ExecuteDeleteAsync();
            await db.Platforms.Where(p => p.Id == kaggleId).ExecuteDeleteAsync();
        }

        await catalog.SeedAsync();

        var kaggle = Assert.Single((await catalog.History.ForPlatformPageAsync("kaggle", includeActors: true, page: 1, pageSize: CatalogHistory.MaxPageSize)).Entries);
        Assert.Equal(CatalogSeeder.SeedNote, kaggle.Note);
        Assert.Equal(PlatformStatus.Active, (await catalog.CurrentAsync("kaggle")).Status);
    }
}
