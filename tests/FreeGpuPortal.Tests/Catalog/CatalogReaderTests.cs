using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Catalog.Editing;

using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Tests.Catalog;

/// <summary>The cached catalog: served from memory between changes, fresh right after any save through the factory.</summary>
public sealed class CatalogReaderTests
{
    [Fact]
    public async Task The_snapshot_is_cached_between_changes()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();

        var first = await catalog.Reader.GetAsync();
        var second = await catalog.Reader.GetAsync();

        Assert.Same(first, second);
        Assert.Equal(["colab", "gradient", "kaggle"], first.Platforms.Select(p => p.Slug).Order());
        Assert.Equal(
            ["private-notebooks", "background-execution", "tpu", "notebook-versioning", "dataset-integration", "cloud-storage-integration", "notebook-comments"],
            first.Features.Select(f => f.Key));
        Assert.Equal(first.Features.Select(f => f.Key).ToHashSet(), first.FeatureKeys);
    }

    [Fact]
    public async Task A_save_through_the_same_factory_gives_a_fresh_snapshot()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var before = await catalog.Reader.GetAsync();
        Assert.Equal(30, before.Platforms.Single(p => p.Slug == "colab")[Specs.IdleTimeoutMinutes].Min);

        await catalog.Editor.EditAsync("colab", colab => colab.IdleTimeoutMinutes = new SpecEditModel { Min = 90, Max = 90 });

        var after = await catalog.Reader.GetAsync();

        Assert.NotSame(before, after);
        Assert.Equal(90, after.Platforms.Single(p => p.Slug == "colab")[Specs.IdleTimeoutMinutes].Min);
        Assert.Equal(30, before.Platforms.Single(p => p.Slug == "colab")[Specs.IdleTimeoutMinutes].Min);
        Assert.Same(after, await catalog.Reader.GetAsync());
    }

    [Fact]
    public async Task A_save_that_writes_nothing_keeps_the_cached_snapshot()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var before = await catalog.Reader.GetAsync();

        await using (var db = await catalog.ContextFactory.CreateDbContextAsync())
        {
            _ = await db.Platforms.SingleAsync(p => p.Slug == "colab");
            Assert.Equal(0, await db.SaveChangesAsync());
        }

        Assert.Same(before, await catalog.Reader.GetAsync());
    }

    [Fact]
    public async Task A_platform_retired_in_the_database_is_hidden_unless_asked_for()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var gradient = (await catalog.Editor.GetForEditAsync("gradient"))!;
        Assert.IsType<EditResult.Success>(
            await catalog.Editor.RetireAsync(gradient.Id, gradient.ConcurrencyStamp, PlatformStatus.Discontinued, null, CatalogEdits.TestAdmin));

        var snapshot = await catalog.Reader.GetAsync();

        Assert.Equal(PlatformStatus.Discontinued, snapshot.Platforms.Single(p => p.Slug == "gradient").Status);
        Assert.Equal("colab,kaggle", PlatformQuery.Default.Apply(snapshot.Platforms).Slugs());
        Assert.Equal("colab,kaggle,gradient", new PlatformQuery { IncludeRetired = true }.Apply(snapshot.Platforms).Slugs());
    }

    [Fact]
    public async Task Summaries_list_gpus_by_memory_and_features_in_display_order()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var snapshot = await catalog.Reader.GetAsync();

        var colab = snapshot.Platforms.Single(p => p.Slug == "colab");
        Assert.Equal(["Tesla P100 (PCIe)", "Tesla T4", "Tesla K80", "Tesla P4"], colab.Gpus.Select(g => g.Name));
        Assert.Equal(["private-notebooks", "tpu", "cloud-storage-integration"], colab.Features.Select(f => f.Key));
    }
}
