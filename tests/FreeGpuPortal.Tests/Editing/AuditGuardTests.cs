using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog;

using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Tests.Editing;

/// <summary>No save writes platform rows without a history entry for that platform, and history is never rewritten.</summary>
public sealed class AuditGuardTests
{
    private static CatalogChange EntryFor(int platformId) => new()
    {
        PlatformId = platformId,
        Kind = ChangeKind.Edit,
        ActorUserId = "someone",
        ActorDisplayName = "someone@example.org",
        AtUtc = DateTime.UtcNow,
    };

    [Fact]
    public async Task A_direct_update_without_a_history_entry_throws_and_saves_nothing()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        await using (var db = await catalog.ContextFactory.CreateDbContextAsync())
        {
            var colab = await db.Platforms.AsNoTracking().SingleAsync(p => p.Slug == "colab");
            colab.Name = "Sneaky";
            db.Platforms.Update(colab);

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("CatalogEditor", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal("Google Colab", (await catalog.CurrentAsync("colab")).Name);
    }

    [Fact]
    public async Task Changing_a_tracked_spec_value_without_history_throws()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        await using var db = await catalog.ContextFactory.CreateDbContextAsync();
        var kaggle = await db.Platforms.SingleAsync(p => p.Slug == "kaggle");
        kaggle.IdleTimeoutMinutes.Min = 999;

        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
    }

    [Fact]
    public async Task Adding_deleting_or_changing_child_rows_without_history_throws()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        await using (var db = await catalog.ContextFactory.CreateDbContextAsync())
        {
            var colab = await db.Platforms.Include(p => p.Sources).SingleAsync(p => p.Slug == "colab");
            db.PlatformSources.Add(new PlatformSource { PlatformId = colab.Id, Url = "https://example.org", Title = "Sneaky" });
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using (var db = await catalog.ContextFactory.CreateDbContextAsync())
        {
            db.PlatformGpus.Remove(await db.PlatformGpus.FirstAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using (var db = await catalog.ContextFactory.CreateDbContextAsync())
        {
            (await db.PlatformFeatures.FirstAsync()).Available ^= true;
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task A_history_entry_for_another_platform_does_not_cover_the_change()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        await using var db = await catalog.ContextFactory.CreateDbContextAsync();
        var colab = await db.Platforms.SingleAsync(p => p.Slug == "colab");
        var kaggle = await db.Platforms.SingleAsync(p => p.Slug == "kaggle");
        colab.Name = "Sneaky";
        db.CatalogChanges.Add(EntryFor(kaggle.Id));

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task A_save_with_its_history_entry_passes()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        await using (var db = await catalog.ContextFactory.CreateDbContextAsync())
        {
            var colab = await db.Platforms.SingleAsync(p => p.Slug == "colab");
            colab.Vendor = "Google LLC";
            db.CatalogChanges.Add(EntryFor(colab.Id));
            Assert.Equal(3, await db.SaveChangesAsync()); // the platform, its history entry and the catalog version
        }

        Assert.Equal("Google LLC", (await catalog.CurrentAsync("colab")).Vendor);
    }

    [Fact]
    public async Task History_cannot_be_changed_or_deleted()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        await using (var db = await catalog.ContextFactory.CreateDbContextAsync())
        {
            (await db.CatalogChanges.FirstAsync()).Note = "Rewritten";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using (var db = await catalog.ContextFactory.CreateDbContextAsync())
        {
            db.CatalogFieldChanges.Remove(await db.CatalogFieldChanges.FirstAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task Reference_data_is_not_under_the_guard()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        await using var db = await catalog.ContextFactory.CreateDbContextAsync();
        db.GpuModels.Add(new GpuModel { Slug = "a100-40gb", Name = "A100 40 GB", MemoryGb = 40 });

        Assert.Equal(2, await db.SaveChangesAsync()); // the GPU model and the catalog version
    }
}
