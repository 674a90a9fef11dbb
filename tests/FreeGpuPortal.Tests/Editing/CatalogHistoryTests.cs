using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Catalog.Editing;

using static FreeGpuPortal.Tests.Editing.EditingAssertions;

namespace FreeGpuPortal.Tests.Editing;

/// <summary>The history views: per platform (public without identities), global with filters and pages; the admin list.</summary>
public sealed class CatalogHistoryTests
{
    private static async Task<SqliteCatalog> CatalogWithEditsAsync()
    {
        var catalog = await SqliteCatalog.CreateSeededAsync();
        catalog.Clock.Advance(TimeSpan.FromMinutes(1));
        await catalog.Editor.EditAsync("colab", c => c.Vendor = "Alphabet", actor: AdminA);
        catalog.Clock.Advance(TimeSpan.FromMinutes(1));
        await catalog.Editor.EditAsync("colab", c => c.IdleTimeoutMinutes.Min = c.IdleTimeoutMinutes.Max = 40, note: "Timed it.", actor: AdminB);
        catalog.Clock.Advance(TimeSpan.FromMinutes(1));
        await catalog.Editor.EditAsync("kaggle", c => c.Cons.Add("Phone number needed"), actor: AdminA);
        return catalog;
    }

    [Fact]
    public async Task A_platforms_history_is_newest_first_with_fields_old_and_new()
    {
        await using var catalog = await CatalogWithEditsAsync();

        var history = (await catalog.History.ForPlatformPageAsync("colab", includeActors: true, page: 1, pageSize: CatalogHistory.MaxPageSize)).Entries;

        Assert.Equal([ChangeKind.Edit, ChangeKind.Edit, ChangeKind.Seed], history.Select(e => e.Kind));
        Assert.Equal([AdminB.DisplayName, AdminA.DisplayName, Actor.System.DisplayName], history.Select(e => e.ActorDisplayName));
        Assert.True(history[0].AtUtc > history[1].AtUtc);
        var idle = Assert.Single(history[0].Fields);
        Assert.Equal(("IdleTimeoutMinutes", "Idle timeout (min)"), (idle.Field, idle.Label));
        Assert.StartsWith("30 (", idle.OldValue, StringComparison.Ordinal);
        Assert.StartsWith("40 (", idle.NewValue, StringComparison.Ordinal);
        Assert.Equal("Timed it.", history[0].Note);
        Assert.All(history, e => Assert.Equal("colab", e.PlatformSlug));
    }

    [Fact]
    public async Task The_public_history_leaves_out_who_made_each_change()
    {
        await using var catalog = await CatalogWithEditsAsync();

        var history = (await catalog.History.ForPlatformPageAsync("colab", includeActors: false, page: 1, pageSize: CatalogHistory.MaxPageSize)).Entries;

        Assert.Equal(3, history.Count);
        Assert.All(history, e =>
        {
            Assert.Null(e.ActorUserId);
            Assert.Null(e.ActorDisplayName);
        });
        Assert.Equal("Timed it.", history[0].Note);
    }

    [Fact]
    public async Task A_platforms_history_reads_one_page_at_a_time_newest_first()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        for (var save = 1; save <= 12; save++)
        {
            catalog.Clock.Advance(TimeSpan.FromMinutes(1));
            await catalog.Editor.EditAsync("colab", c => c.Vendor = $"Vendor {save}", actor: AdminA);
        }

        var first = await catalog.History.ForPlatformPageAsync("colab", includeActors: true, page: 1, pageSize: 5);
        var third = await catalog.History.ForPlatformPageAsync("colab", includeActors: false, page: 3, pageSize: 5);

        Assert.Equal((1, 5, 13, 3), (first.Page, first.PageSize, first.TotalCount, first.PageCount));
        Assert.Equal(5, first.Entries.Count);
        Assert.Contains(first.Entries[0].Fields, f => f.NewValue == "Vendor 12");
        Assert.Equal(AdminA.DisplayName, first.Entries[0].ActorDisplayName);
        Assert.Equal([ChangeKind.Edit, ChangeKind.Edit, ChangeKind.Seed], third.Entries.Select(e => e.Kind));
        Assert.Contains(third.Entries[0].Fields, f => f.NewValue == "Vendor 2");
        Assert.All(third.Entries, e => Assert.Null(e.ActorDisplayName));
        Assert.All(first.Entries.Concat(third.Entries), e => Assert.Equal("colab", e.PlatformSlug));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-4, 1)]
    [InlineData(4, 3)]
    [InlineData(int.MaxValue, 3)]
    public async Task A_page_outside_the_history_reads_the_nearest_page(int asked, int shown)
    {
        await using var catalog = await CatalogWithEditsAsync();
        for (var save = 1; save <= 6; save++)
        {
            await catalog.Editor.EditAsync("colab", c => c.Vendor = $"Vendor {save}", actor: AdminB);
        }

        var page = await catalog.History.ForPlatformPageAsync("colab", includeActors: true, asked, pageSize: 4);

        Assert.Equal((shown, 9, 3), (page.Page, page.TotalCount, page.PageCount));
        Assert.NotEmpty(page.Entries);
    }

    [Fact]
    public async Task An_unknown_platforms_history_page_is_empty()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();

        var page = await catalog.History.ForPlatformPageAsync("nope", includeActors: false, page: 2, pageSize: 20);

        Assert.Equal((1, 0, 0), (page.Page, page.TotalCount, page.PageCount));
        Assert.Empty(page.Entries);
    }

    [Fact]
    public async Task An_unknown_platform_has_no_history()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        Assert.Empty((await catalog.History.ForPlatformPageAsync("nope", includeActors: false, page: 1, pageSize: CatalogHistory.MaxPageSize)).Entries);
    }

    [Fact]
    public async Task The_global_history_filters_by_platform_and_by_actor()
    {
        await using var catalog = await CatalogWithEditsAsync();

        var all = await catalog.History.SearchAsync(new HistoryFilter());
        Assert.Equal(6, all.TotalCount);
        Assert.Equal("kaggle", all.Entries[0].PlatformSlug);

        var byPlatform = await catalog.History.SearchAsync(new HistoryFilter(PlatformSlug: "kaggle"));
        Assert.Equal(2, byPlatform.TotalCount);
        Assert.All(byPlatform.Entries, e => Assert.Equal("kaggle", e.PlatformSlug));

        var byActorId = await catalog.History.SearchAsync(new HistoryFilter(Actor: AdminA.UserId));
        Assert.Equal(["kaggle", "colab"], byActorId.Entries.Select(e => e.PlatformSlug));

        var byActorEmail = await catalog.History.SearchAsync(new HistoryFilter(Actor: AdminB.DisplayName));
        Assert.Equal(AdminB.UserId, Assert.Single(byActorEmail.Entries).ActorUserId);

        var both = await catalog.History.SearchAsync(new HistoryFilter(PlatformSlug: "colab", Actor: AdminA.UserId));
        Assert.Equal("Vendor", Assert.Single(Assert.Single(both.Entries).Fields).Field);

        Assert.Equal(
            [("a@example.org", 2), ("b@example.org", 1), ("system", 3)],
            (await catalog.History.ActorsAsync()).Select(a => (a.DisplayName, a.ChangeCount)));
    }

    [Fact]
    public async Task The_global_history_is_paged()
    {
        await using var catalog = await CatalogWithEditsAsync();

        var first = await catalog.History.SearchAsync(new HistoryFilter(Page: 1, PageSize: 4));
        var second = await catalog.History.SearchAsync(new HistoryFilter(Page: 2, PageSize: 4));

        Assert.Equal((6, 2), (first.TotalCount, first.PageCount));
        Assert.Equal(4, first.Entries.Count);
        Assert.Equal(2, second.Entries.Count);
        Assert.Empty(first.Entries.Select(e => e.Id).Intersect(second.Entries.Select(e => e.Id)));
        Assert.True(first.Entries[^1].Id > second.Entries[0].Id);
    }

    [Fact]
    public async Task The_admin_list_shows_every_platform_and_which_are_stale()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var gradient = await catalog.CurrentAsync("gradient");
        await catalog.Editor.RetireAsync(gradient.Id, gradient.ConcurrencyStamp, PlatformStatus.Discontinued, null, AdminA);
        var kaggle = await catalog.CurrentAsync("kaggle");
        await catalog.Editor.VerifyAsync(kaggle.Id, kaggle.ConcurrencyStamp, AdminA, new ChangeEvidence { EvidenceUrl = "https://www.kaggle.com/docs/notebooks" });

        var rows = await catalog.AdminList.GetAsync();

        Assert.Equal(["Google Colab", "Kaggle", "Paperspace Gradient"], rows.Select(r => r.Name));
        Assert.Equal(PlatformStatus.Discontinued, rows.Single(r => r.Slug == "gradient").Status);
        Assert.True(rows.Single(r => r.Slug == "colab").IsStale); // never verified
        var verified = rows.Single(r => r.Slug == "kaggle");
        Assert.False(verified.IsStale);
        Assert.Equal(DateOnly.FromDateTime(ManualTimeProvider.DefaultStart.UtcDateTime), verified.LastVerifiedOn);
        Assert.Equal(ManualTimeProvider.DefaultStart.UtcDateTime, verified.LastChangedAtUtc);
        Assert.Equal((await catalog.CurrentAsync("kaggle")).ConcurrencyStamp, verified.ConcurrencyStamp);

        catalog.Clock.Advance(TimeSpan.FromDays(180));
        Assert.False((await catalog.AdminList.GetAsync()).Single(r => r.Slug == "kaggle").IsStale);
        catalog.Clock.Advance(TimeSpan.FromDays(1));
        Assert.True((await catalog.AdminList.GetAsync()).Single(r => r.Slug == "kaggle").IsStale);
    }
}
