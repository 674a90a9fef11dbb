using FreeGpuPortal.IntegrationTests.Api;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Data;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.IntegrationTests;

/// <summary>
/// What must behave the same on SQLite and PostgreSQL (scripts/test-all.sh runs this project on both): text search,
/// optimistic concurrency, the audit guard, seed idempotence, and the catalog version that other instances follow.
/// </summary>
public sealed class ProviderParityTests(LenientPortal factory) : IClassFixture<LenientPortal>
{
    [Fact]
    public async Task Runs_on_the_provider_the_test_run_asks_for()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();

        Assert.Equal(TestDatabase.CurrentProvider == DatabaseProvider.PostgreSQL, db.Database.IsNpgsql());
        Assert.Equal(TestDatabase.CurrentProvider == DatabaseProvider.Sqlite, db.Database.IsSqlite());
    }

    [Theory]
    [InlineData("k80")]
    [InlineData("K80")]
    [InlineData("TESLA k80")]
    public async Task Text_search_ignores_case(string query)
    {
        var html = await factory.CreateClient().GetStringAsync($"/?q={Uri.EscapeDataString(query)}");

        Assert.Contains("colab", Html.PlatformRows(html));
    }

    [Fact]
    public async Task A_save_from_a_stale_copy_is_a_conflict_and_every_save_is_in_the_history()
    {
        var editor = factory.Services.GetRequiredService<CatalogEditor>();
        var history = await HistoryCountAsync();
        var first = (await editor.GetForEditAsync("kaggle"))!;
        var stale = (await editor.GetForEditAsync("kaggle"))!;

        first.Vendor = "Kaggle (parity test)";
        var saved = await editor.UpdateAsync(new PlatformChangeRequest(first, ChangeEvidence.None, CatalogEdits.TestAdmin));
        stale.Vendor = "Kaggle (stale tab)";
        var conflict = await editor.UpdateAsync(new PlatformChangeRequest(stale, ChangeEvidence.None, CatalogEdits.TestAdmin));

        Assert.IsType<EditResult.Success>(saved);
        Assert.IsType<EditResult.ConcurrencyConflict>(conflict);
        Assert.Equal(history + 1, await HistoryCountAsync());
        Assert.Equal("Kaggle (parity test)", (await editor.GetForEditAsync("kaggle"))!.Vendor);
    }

    [Fact]
    public async Task The_audit_guard_refuses_a_write_without_history()
    {
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var platform = await db.Platforms.SingleAsync(p => p.Slug == "gradient");
        platform.Vendor = "written around the history";

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Seeding_again_adds_nothing()
    {
        var before = await CountsAsync();

        await factory.Services.GetRequiredService<CatalogSeeder>().SeedAsync();

        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Every_catalog_save_gives_the_version_row_a_new_stamp()
    {
        var before = await StampAsync();
        var editor = factory.Services.GetRequiredService<CatalogEditor>();
        var model = (await editor.GetForEditAsync("gradient"))!;
        model.Vendor = "Paperspace (stamp test)";

        Assert.IsType<EditResult.Success>(await editor.UpdateAsync(new PlatformChangeRequest(model, ChangeEvidence.None, CatalogEdits.TestAdmin)));

        var after = await StampAsync();
        Assert.NotEqual(before, after);
        Assert.NotEqual(Guid.Empty, after);
    }

    private async Task<Guid> StampAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync();
        return await db.CatalogVersions.Where(v => v.Id == CatalogVersion.SingletonId).Select(v => v.Stamp).SingleAsync();
    }

    private async Task<int> HistoryCountAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync();
        return await db.CatalogChanges.CountAsync();
    }

    private async Task<(int Platforms, int Gpus, int Features, int Sources)> CountsAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync();
        return (await db.Platforms.CountAsync(), await db.PlatformGpus.CountAsync(), await db.PlatformFeatures.CountAsync(), await db.PlatformSources.CountAsync());
    }
}
