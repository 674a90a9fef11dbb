using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Data;

using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Tests.Catalog;

/// <summary>
/// Seeding a real SQLite database, created by the real migrations, from the real seed file: it is idempotent, keeps
/// admin edits across restarts, and stores exactly the facts of the seed sheet, each known one citing the article.
/// </summary>
public sealed class CatalogSeederTests
{
    private sealed record RowCounts(int Platforms, int GpuModels, int PlatformGpus, int Features, int PlatformFeatures, int Sources);

    private static async Task<RowCounts> CountAsync(SqliteCatalog catalog)
    {
        await using var db = await catalog.ContextFactory.CreateDbContextAsync();
        return new RowCounts(
            await db.Platforms.CountAsync(),
            await db.GpuModels.CountAsync(),
            await db.PlatformGpus.CountAsync(),
            await db.Features.CountAsync(),
            await db.PlatformFeatures.CountAsync(),
            await db.PlatformSources.CountAsync());
    }

    private static async Task<Platform> LoadAsync(CatalogDbContext db, string slug) =>
        await db.Platforms
            .AsSplitQuery()
            .Include(p => p.Gpus).ThenInclude(g => g.GpuModel)
            .Include(p => p.Features).ThenInclude(f => f.Feature)
            .Include(p => p.Sources)
            .SingleAsync(p => p.Slug == slug);

    [Fact]
    public async Task The_migrations_create_the_schema_and_leave_nothing_pending()
    {
        await using var catalog = SqliteCatalog.OpenInMemory();
        await catalog.MigrateAsync();

        await using var db = await catalog.ContextFactory.CreateDbContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await db.Platforms.CountAsync());
    }

    [Fact]
    public async Task Seeding_inserts_the_seed_sheet()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();

        // 3 platforms; 5 GPU models; gradient 1 + colab 4 + kaggle 1 options; 7 features; 1 + 3 + 5 feature statements;
        // each platform's own sources plus the article: 3 + 2 + 2.
        Assert.Equal(new RowCounts(3, 5, 6, 7, 9, 7), await CountAsync(catalog));
    }

    [Fact]
    public async Task Seeding_twice_changes_nothing()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var first = await CountAsync(catalog);
        var generation = catalog.Signal.Generation;

        await catalog.SeedAsync();
        await catalog.SeedAsync();

        Assert.Equal(first, await CountAsync(catalog));
        Assert.Equal(generation, catalog.Signal.Generation);
    }

    [Fact]
    public async Task A_restart_keeps_an_admin_edit_and_duplicates_nothing()
    {
        var file = Path.Combine(Path.GetTempPath(), $"freegpuportal-seed-{Guid.NewGuid():N}.db");
        try
        {
            RowCounts before;
            await using (var firstRun = SqliteCatalog.OpenFile(file))
            {
                await firstRun.MigrateAsync();
                await firstRun.SeedAsync();
                before = await CountAsync(firstRun);

                await firstRun.Editor.EditAsync("colab", colab =>
                {
                    colab.IdleTimeoutMinutes = new SpecEditModel { Min = 90, Max = 90, Note = "Edited by an admin.", SourceUrl = "https://example.org/colab-idle" };
                    colab.Status = PlatformStatus.Changed;
                });
            }

            await using var secondRun = SqliteCatalog.OpenFile(file);
            await secondRun.MigrateAsync();
            await secondRun.SeedAsync();

            Assert.Equal(before, await CountAsync(secondRun));
            var snapshot = await secondRun.SnapshotAsync();
            var edited = Assert.Single(snapshot.Platforms, p => p.Slug == "colab");
            Assert.Equal(90, edited[Specs.IdleTimeoutMinutes].Min);
            Assert.Equal(90, edited[Specs.IdleTimeoutMinutes].Max);
            Assert.Equal("Edited by an admin.", edited[Specs.IdleTimeoutMinutes].Note);
            Assert.Equal("https://example.org/colab-idle", edited[Specs.IdleTimeoutMinutes].SourceUrl);
            Assert.Equal(PlatformStatus.Changed, edited.Status);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_platform_deleted_from_the_database_is_seeded_again_and_the_others_are_left_alone()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var before = await CountAsync(catalog);
        await catalog.Editor.EditAsync("gradient", gradient => gradient.Name = "Gradient by Paperspace");
        await using (var db = await catalog.ContextFactory.CreateDbContextAsync())
        {
            // The app has no hard delete; this is a row removed by hand in the database, history and all.
            var kaggleId = await db.Platforms.Where(p => p.Slug == "kaggle").Select(p => p.Id).SingleAsync();
            await db.CatalogChanges.Where(c => c.PlatformId == kaggleId).ExecuteDeleteAsync();
            await db.Platforms.Where(p => p.Id == kaggleId).ExecuteDeleteAsync();
        }

        await catalog.SeedAsync();

        Assert.Equal(before, await CountAsync(catalog));
        var snapshot = await catalog.SnapshotAsync();
        Assert.Contains(snapshot.Platforms, p => p.Slug == "kaggle");
        Assert.Equal("Gradient by Paperspace", Assert.Single(snapshot.Platforms, p => p.Slug == "gradient").Name);
    }

    [Fact]
    public async Task Kaggle_assigns_one_16_gb_p100_with_a_weekly_quota_and_unknown_storage_and_session()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        await using var db = await catalog.ContextFactory.CreateDbContextAsync();
        var kaggle = await LoadAsync(db, "kaggle");

        var gpu = Assert.Single(kaggle.Gpus);
        Assert.Equal("tesla-p100", gpu.GpuModel.Slug);
        Assert.Equal(16, gpu.GpuModel.MemoryGb);
        Assert.Equal(1, gpu.GpusPerSession);

        Assert.Equal(WeeklyQuotaKind.Limited, kaggle.WeeklyQuotaKind);
        Assert.Equal(30, kaggle.WeeklyGpuHours.Min);
        Assert.Equal(41, kaggle.WeeklyGpuHours.Max);
        Assert.Contains("Saturday", kaggle.WeeklyQuotaResetRule, StringComparison.Ordinal);
        Assert.Contains("UTC", kaggle.WeeklyQuotaResetRule, StringComparison.Ordinal);

        Assert.False(kaggle.StorageGb.IsKnown);
        Assert.False(kaggle.MaxSessionHours.IsKnown);
        Assert.Equal(20, kaggle.IdleTimeoutMinutes.Min);
        Assert.Equal(13, kaggle.RamGb.Max);
        Assert.Equal(2, kaggle.CpuCount.Min);
    }

    [Fact]
    public async Task Colab_may_assign_one_of_four_gpus_from_8_to_16_gb_and_has_no_weekly_quota()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        await using var db = await catalog.ContextFactory.CreateDbContextAsync();
        var colab = await LoadAsync(db, "colab");

        Assert.Equal(
            new Dictionary<string, double?> { ["tesla-k80"] = 12, ["tesla-t4"] = 16, ["tesla-p4"] = 8, ["tesla-p100"] = 16 },
            colab.Gpus.ToDictionary(g => g.GpuModel.Slug, g => g.GpuModel.MemoryGb));
        Assert.All(colab.Gpus, g => Assert.Equal(1, g.GpusPerSession));
        Assert.Contains("K80", Assert.Single(colab.Gpus, g => g.Note is not null).Note, StringComparison.Ordinal);

        var summary = PlatformSummary.From(colab);
        Assert.Equal(8, summary.GpuMemoryGuaranteedGb);
        Assert.Equal(16, summary.GpuMemoryPossibleGb);

        Assert.Equal(WeeklyQuotaKind.NoQuota, colab.WeeklyQuotaKind);
        Assert.False(colab.WeeklyGpuHours.IsKnown);
        Assert.Equal(12, colab.MaxSessionHours.Min);
        Assert.Equal(30, colab.IdleTimeoutMinutes.Min);
        Assert.Equal(15, colab.StorageGb.Min);
        Assert.Equal("Google Drive", colab.StorageNote);
    }

    [Fact]
    public async Task Gradient_idles_for_60_to_360_minutes_and_does_not_offer_private_notebooks()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        await using var db = await catalog.ContextFactory.CreateDbContextAsync();
        var gradient = await LoadAsync(db, "gradient");

        Assert.Equal(60, gradient.IdleTimeoutMinutes.Min);
        Assert.Equal(360, gradient.IdleTimeoutMinutes.Max);
        Assert.Equal(6, gradient.MaxSessionHours.Min);
        Assert.Equal(8, gradient.CpuCount.Min);
        Assert.Equal(30, gradient.RamGb.Min);
        Assert.Equal(5, gradient.StorageGb.Min);
        Assert.Equal(WeeklyQuotaKind.Unknown, gradient.WeeklyQuotaKind);
        Assert.False(gradient.WeeklyGpuHours.IsKnown);
        Assert.Equal("quadro-m4000", Assert.Single(gradient.Gpus).GpuModel.Slug);
        Assert.Equal(8, Assert.Single(gradient.Gpus).GpuModel.MemoryGb);

        var privateNotebooks = Assert.Single(gradient.Features);
        Assert.Equal("private-notebooks", privateNotebooks.Feature.Key);
        Assert.False(privateNotebooks.Available);
    }

    [Fact]
    public async Task Every_known_seeded_value_cites_the_article()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        await using var db = await catalog.ContextFactory.CreateDbContextAsync();
        var article = SqliteCatalog.Article;
        Assert.StartsWith("https://", article.Url, StringComparison.Ordinal);

        var platforms = await db.Platforms
            .AsSplitQuery()
            .Include(p => p.Gpus).Include(p => p.Features).Include(p => p.Sources)
            .ToListAsync();
        Assert.Equal(3, platforms.Count);
        var checkedValues = 0;
        foreach (var platform in platforms)
        {
            SpecValue[] specs = [platform.CpuCount, platform.RamGb, platform.StorageGb, platform.MaxSessionHours, platform.IdleTimeoutMinutes, platform.WeeklyGpuHours];
            foreach (var spec in specs.Where(s => s.IsKnown))
            {
                Assert.Equal(article.Url, spec.SourceUrl);
                Assert.Equal(article.Title, spec.SourceTitle);
                checkedValues++;
            }

            foreach (var spec in specs.Where(s => !s.IsKnown))
            {
                Assert.Null(spec.Min);
                Assert.Null(spec.Max);
            }

            Assert.All(platform.Gpus, g => Assert.Equal(article.Url, g.SourceUrl));
            Assert.All(platform.Features, f => Assert.Equal(article.Url, f.SourceUrl));
            Assert.Contains(platform.Sources, s => s.Url == article.Url && s.Title == article.Title);
            Assert.Null(platform.LastVerifiedOn);
            Assert.Equal(PlatformStatus.Active, platform.Status);
        }

        // gradient 5 (+ unknown quota), colab 5 (+ no quota), kaggle 3 + its weekly hours.
        Assert.Equal(14, checkedValues);

        // A quota stated in words ("no usage limits") cites the article too, although it has no number.
        var colab = platforms.Single(p => p.Slug == "colab");
        Assert.Equal(article.Url, colab.WeeklyGpuHours.SourceUrl);
    }

    [Fact]
    public async Task Gpu_models_carry_their_reference_memory()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        await using var db = await catalog.ContextFactory.CreateDbContextAsync();

        Assert.Equal(
            new Dictionary<string, double?>
            {
                ["tesla-k80"] = 12,
                ["tesla-t4"] = 16,
                ["tesla-p4"] = 8,
                ["tesla-p100"] = 16,
                ["quadro-m4000"] = 8,
            },
            await db.GpuModels.ToDictionaryAsync(g => g.Slug, g => g.MemoryGb));
    }
}
