using Bunit;

using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Components.Pages.Admin;
using FreeGpuPortal.Web.Components.Pages.Platforms;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.Tests.Admin;

/// <summary>The admin history views with revert, the admin list's one-click actions, and the public history.</summary>
public sealed class HistoryTests : AdminComponentTest
{
    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    [Fact]
    public async Task Revert_of_a_change_overwritten_since_asks_first_and_then_restores_the_old_value()
    {
        var first = await Catalog.Editor.EditAsync("colab", m => (m.IdleTimeoutMinutes.Min, m.IdleTimeoutMinutes.Max) = (45, 45));
        await Catalog.Editor.EditAsync("colab", m => (m.IdleTimeoutMinutes.Min, m.IdleTimeoutMinutes.Max) = (60, 60));
        var page = Render<PlatformHistoryPage>(parameters => parameters.Add(p => p.Slug, "colab"));
        var entry = page.WaitForElement($"[data-change-id='{first.ChangeId}']", Wait);
        Assert.Contains("Edited", entry.TextContent);
        Assert.Contains("admin@example.org", entry.TextContent);

        entry.QuerySelector("[data-testid=revert]")!.Click();

        var confirm = page.WaitForElement($"[data-change-id='{first.ChangeId}'] [data-testid=revert-confirm]", Wait);
        Assert.Contains("Idle timeout (min)", confirm.TextContent);
        Assert.Equal(60, (await Catalog.Editor.GetForEditAsync("colab"))!.IdleTimeoutMinutes.Min); // nothing saved yet

        page.Find($"[data-change-id='{first.ChangeId}'] [data-testid=confirm-revert]").Click();

        // The outcome shows in the entry, and the new entry and the count are there without a reload.
        page.WaitForElement($"[data-change-id='{first.ChangeId}'] [data-testid=revert-done]", Wait);
        page.WaitForAssertion(() => Assert.Equal("Revert", page.Find("[data-change-id]").GetAttribute("data-kind")), Wait);
        Assert.Equal("4 changes · page 1 of 1", page.Find("[data-testid=history-count]").TextContent.Trim());
        var history = await HistoryOfAsync("colab");
        Assert.Equal(ChangeKind.Revert, history[0].Kind);
        Assert.Equal(first.ChangeId, history[0].RevertOfChangeId);
        Assert.Equal(AdminUserId, history[0].ActorUserId);
        Assert.Equal(30, (await Catalog.Editor.GetForEditAsync("colab"))!.IdleTimeoutMinutes.Min);
    }

    [Fact]
    public async Task Revert_of_the_latest_change_needs_no_confirmation()
    {
        var change = await Catalog.Editor.EditAsync("kaggle", m => m.Summary = "Changed summary.");
        var page = Render<PlatformHistoryPage>(parameters => parameters.Add(p => p.Slug, "kaggle"));

        page.WaitForElement($"[data-change-id='{change.ChangeId}'] [data-testid=revert]", Wait).Click();

        page.WaitForElement($"[data-change-id='{change.ChangeId}'] [data-testid=revert-done]", Wait);
        Assert.Empty(page.FindAll("[data-testid=revert-confirm]"));
        Assert.NotEqual("Changed summary.", (await Catalog.Editor.GetForEditAsync("kaggle"))!.Summary);
        var count = (await HistoryOfAsync("kaggle")).Count;
        Assert.Equal(3, count); // seed, edit, revert

        // The list and its count update in place: the revert on top, marked, the reverted entry keeping its outcome.
        page.WaitForAssertion(() => Assert.Equal("3 changes · page 1 of 1", page.Find("[data-testid=history-count]").TextContent.Trim()), Wait);
        var top = page.Find("[data-change-id]");
        Assert.Equal("Revert", top.GetAttribute("data-kind"));
        Assert.Contains("history-entry-new", top.ClassList);
        Assert.Equal($"Change {change.ChangeId} reverted as change {top.GetAttribute("data-change-id")}.",
            page.Find($"[data-change-id='{change.ChangeId}'] [data-testid=revert-done]").TextContent.Trim());

        // A second click on the same entry's Revert is a no-op that says so.
        page.Find($"[data-change-id='{change.ChangeId}'] [data-testid=revert]").Click();
        page.WaitForAssertion(() => Assert.Contains("reverted already", page.Find($"[data-change-id='{change.ChangeId}'] [data-testid=revert-done]").TextContent), Wait);
        Assert.Equal(count, (await HistoryOfAsync("kaggle")).Count);
    }

    [Fact]
    public async Task A_platforms_history_is_titled_with_its_name_and_counts_one_change_in_the_singular()
    {
        var page = Render<PlatformHistoryPage>(parameters => parameters.Add(p => p.Slug, "kaggle"));

        page.WaitForElement("[data-testid=history-count]", Wait);
        Assert.Equal("History of Kaggle", page.Find("#admin-page-title").TextContent.Trim());
        Assert.Equal("1 change · page 1 of 1", page.Find("[data-testid=history-count]").TextContent.Trim()); // the seed
    }

    [Fact]
    public async Task A_revert_after_the_sign_in_ended_is_refused_and_saves_nothing()
    {
        var change = await Catalog.Editor.EditAsync("kaggle", m => m.Summary = "Changed summary.");
        var page = Render<PlatformHistoryPage>(parameters => parameters.Add(p => p.Slug, "kaggle"));
        var count = (await HistoryOfAsync("kaggle")).Count;
        BrowserSignIn(null); // signed out in another tab: the browser's cookie is gone

        page.WaitForElement($"[data-change-id='{change.ChangeId}'] [data-testid=revert]", Wait).Click();

        var refused = page.WaitForElement($"[data-change-id='{change.ChangeId}'] [data-testid=admin-refused]", Wait);
        Assert.Equal("NotSignedIn", refused.GetAttribute("data-reason"));
        Assert.Equal(count, (await HistoryOfAsync("kaggle")).Count);
        Assert.Equal("Changed summary.", (await Catalog.Editor.GetForEditAsync("kaggle"))!.Summary);
    }

    [Fact]
    public async Task The_global_history_filters_by_platform_and_by_admin_and_pages()
    {
        var other = new Actor("other-admin", "other@example.org");
        await Catalog.Editor.EditAsync("kaggle", m => m.Vendor = "Kaggle (Google)", actor: other);
        await Catalog.Editor.EditAsync("colab", m => m.Vendor = "Google Research");

        Navigation.NavigateTo("/admin/history?actor=other-admin");
        var byActor = Render<AdminHistoryPage>();
        byActor.WaitForElement("[data-testid=history-list]", Wait);
        var entries = byActor.FindAll("[data-change-id]");
        var only = Assert.Single(entries);
        Assert.Contains("other@example.org", only.TextContent);
        Assert.Contains("Kaggle", only.TextContent);
        Assert.NotNull(byActor.Find("#history-actor option[value='other-admin'][selected]"));

        await DisposeComponentsAsync(); // one page at a time: each renders MudBlazor's providers
        Navigation.NavigateTo("/admin/history?platform=colab");
        var byPlatform = Render<AdminHistoryPage>();
        byPlatform.WaitForElement("[data-testid=history-list]", Wait);
        var colab = byPlatform.FindAll("[data-change-id]");
        Assert.Equal(2, colab.Count); // the seed entry and the edit, newest first
        Assert.Equal(["Edit", "Seed"], colab.Select(e => e.GetAttribute("data-kind")));
        Assert.Empty(colab[1].QuerySelectorAll("[data-testid=revert]")); // seeding cannot be reverted
    }

    [Fact]
    public async Task The_admin_list_marks_stale_platforms_and_verified_today_sets_the_date_alone()
    {
        var page = Render<AdminIndex>();
        var row = page.WaitForElement("tr[data-platform=colab]", Wait);
        Assert.Equal("true", row.GetAttribute("data-stale")); // the seed states no verification date
        Assert.Contains("needs verifying", row.TextContent);
        Assert.Equal(3, page.FindAll("tr[data-platform]").Count);

        row.QuerySelector("[data-testid=verify]")!.Click();
        var historyCount = (await HistoryOfAsync("colab")).Count;

        // One click only asks what was checked; confirming without an address saves nothing and says why.
        page.WaitForElement("[data-testid=verify-form]", Wait);
        page.Find("[data-testid=confirm-verify]").Click();
        page.WaitForAssertion(() => Assert.Contains("page you checked", page.Find("[data-testid=verify-form]").TextContent), Wait);
        Assert.Equal(historyCount, (await HistoryOfAsync("colab")).Count);

        Enter(page, "f-Evidence-EvidenceUrl", "https://research.google.com/colaboratory/faq.html");
        Enter(page, "f-Evidence-Note", "Compared the FAQ's GPU list.");
        page.Find("[data-testid=confirm-verify]").Click();

        page.WaitForAssertion(() => Assert.Equal("false", page.Find("tr[data-platform=colab]").GetAttribute("data-stale")), Wait);
        var entry = (await HistoryOfAsync("colab"))[0];
        Assert.Equal(ChangeKind.Verify, entry.Kind);
        Assert.Equal("https://research.google.com/colaboratory/faq.html", entry.EvidenceUrl);
        Assert.Equal("Compared the FAQ's GPU list.", entry.Note);
        Assert.Equal(AdminUserId, entry.ActorUserId);
        var field = Assert.Single(entry.Fields);
        Assert.Equal("LastVerifiedOn", field.Field);
        Assert.Equal("2026-05-04", field.NewValue);
    }

    [Fact]
    public async Task Verifying_is_refused_when_the_sign_in_is_no_longer_current()
    {
        var page = Render<AdminIndex>();
        BrowserSignIn(null); // signed out in another tab: the browser's cookie is gone
        page.WaitForElement("tr[data-platform=kaggle] [data-testid=verify]", Wait).Click();
        page.WaitForElement("[data-testid=verify-form]", Wait);
        Enter(page, "f-Evidence-EvidenceUrl", "https://www.kaggle.com/docs/notebooks");

        page.Find("[data-testid=confirm-verify]").Click();

        var refused = page.WaitForElement("[data-testid=admin-refused]", Wait);
        Assert.Equal("NotSignedIn", refused.GetAttribute("data-reason"));
        Assert.Equal(ChangeKind.Seed, (await HistoryOfAsync("kaggle"))[0].Kind);
        Assert.Equal("https://www.kaggle.com/docs/notebooks", page.Find("#f-Evidence-EvidenceUrl").GetAttribute("value")); // the input stays
    }

    [Fact]
    public async Task Retire_and_restore_from_the_admin_list()
    {
        var page = Render<AdminIndex>();
        page.WaitForElement("tr[data-platform=gradient] [data-testid=retire]", Wait).Click();
        page.WaitForElement("[data-testid=retire-form]", Wait);

        page.Find("[data-testid=confirm-retire]").Click();

        page.WaitForElement("tr[data-platform=gradient] [data-testid=restore]", Wait);
        Assert.Equal(ChangeKind.Retire, (await HistoryOfAsync("gradient"))[0].Kind);
        Assert.Equal(Web.Catalog.PlatformStatus.Discontinued, (await Catalog.Editor.GetForEditAsync("gradient"))!.Status);

        page.Find("tr[data-platform=gradient] [data-testid=restore]").Click();

        page.WaitForElement("tr[data-platform=gradient] [data-testid=retire]", Wait);
        Assert.Equal(ChangeKind.Restore, (await HistoryOfAsync("gradient"))[0].Kind);
    }

    [Fact]
    public async Task The_public_history_lists_changes_newest_first_without_admin_identities()
    {
        var secret = new Actor("secret-admin-id", "secret-admin@example.org");
        var change = await Catalog.Editor.EditAsync("colab", m => m.Vendor = "Google Research", note: "Vendor name from the FAQ.", actor: secret);

        var history = Render<PlatformHistory>(parameters => parameters.Add(p => p.Slug, "colab"));

        history.WaitForElement("[data-change-id]", Wait);
        var entries = history.FindAll("[data-change-id]");
        Assert.Equal(change.ChangeId.ToString(System.Globalization.CultureInfo.InvariantCulture), entries[0].GetAttribute("data-change-id"));
        Assert.Contains("Edited", entries[0].TextContent);
        Assert.Contains("Vendor name from the FAQ.", entries[0].TextContent);
        Assert.Contains("Google Research", entries[0].TextContent);
        Assert.Equal("Seed", entries[^1].GetAttribute("data-kind"));
        Assert.DoesNotContain("secret-admin", history.Markup);
        Assert.DoesNotContain("admin@example.org", history.Markup);
        Assert.Empty(history.FindAll("button"));
    }

    [Fact]
    public async Task A_platforms_admin_history_shows_the_newest_page_with_the_saved_change_and_links_older_pages()
    {
        var saves = new List<int>();
        for (var save = 1; save <= AdminHistoryPage.PageSize + 5; save++)
        {
            saves.Add((await Catalog.Editor.EditAsync("colab", m => m.Vendor = $"Vendor {save}")).ChangeId);
        }

        Navigation.NavigateTo($"/admin/platforms/colab/history?saved={saves[^1]}");
        var newest = Render<PlatformHistoryPage>(parameters => parameters.Add(p => p.Slug, "colab"));
        newest.WaitForElement("[data-testid=history-pager]", Wait);

        Assert.Equal(AdminHistoryPage.PageSize, newest.FindAll("[data-change-id]").Count);
        Assert.Equal(saves[^1].ToString(System.Globalization.CultureInfo.InvariantCulture), newest.Find("[data-change-id]").GetAttribute("data-change-id"));
        Assert.NotNull(newest.Find("[data-testid=saved-message]"));
        Assert.Equal("31 changes · page 1 of 2", newest.Find("[data-testid=history-count]").TextContent.Trim());
        Assert.Equal("admin/platforms/colab/history?page=2", newest.Find("[data-testid=history-pager] a[rel=next]").GetAttribute("href"));

        await DisposeComponentsAsync();
        Navigation.NavigateTo("/admin/platforms/colab/history?page=2");
        var older = Render<PlatformHistoryPage>(parameters => parameters.Add(p => p.Slug, "colab"));
        older.WaitForElement("[data-testid=history-pager]", Wait);
        var entries = older.FindAll("[data-change-id]");
        Assert.Equal(6, entries.Count); // the five oldest saves and the seed
        Assert.Equal("Seed", entries[^1].GetAttribute("data-kind"));
        Assert.Equal("2", older.Find("[data-testid=history-pager] [aria-current=page]").TextContent);
        Assert.Empty(older.FindAll("[data-testid=page-notice]"));

        await DisposeComponentsAsync();
        Navigation.NavigateTo("/admin/platforms/colab/history?page=9");
        var typed = Render<PlatformHistoryPage>(parameters => parameters.Add(p => p.Slug, "colab"));
        typed.WaitForElement("[data-testid=page-notice]", Wait);
        Assert.Equal("There is no page 9: showing page 2, the last one.", typed.Find("[data-testid=page-notice]").TextContent.Trim());
        Assert.Equal(6, typed.FindAll("[data-change-id]").Count);
    }

    [Fact]
    public async Task The_public_history_shows_one_page_and_links_the_others_on_the_platform_page()
    {
        for (var save = 1; save <= PlatformHistory.PageSize; save++)
        {
            await Catalog.Editor.EditAsync("kaggle", m => m.Vendor = $"Vendor {save}");
        }

        var first = Render<PlatformHistory>(parameters => parameters.Add(p => p.Slug, "kaggle"));
        first.WaitForElement("[data-testid=history-pager]", Wait);
        Assert.Equal(PlatformHistory.PageSize, first.FindAll("[data-change-id]").Count);
        Assert.Equal("Edit", first.Find("[data-change-id]").GetAttribute("data-kind"));
        Assert.Equal("platforms/kaggle?historyPage=2#history-heading", first.Find("[data-testid=history-pager] a[rel=next]").GetAttribute("href"));

        await DisposeComponentsAsync();
        var second = Render<PlatformHistory>(parameters => parameters.Add(p => p.Slug, "kaggle").Add(p => p.PageNumber, "2"));
        second.WaitForElement("[data-testid=history-pager]", Wait);
        Assert.Equal("Seed", Assert.Single(second.FindAll("[data-change-id]")).GetAttribute("data-kind"));
        Assert.Equal("platforms/kaggle?historyPage=1#history-heading", second.Find("[data-testid=history-pager] a[rel=prev]").GetAttribute("href"));

        await DisposeComponentsAsync();
        var bad = Render<PlatformHistory>(parameters => parameters.Add(p => p.Slug, "kaggle").Add(p => p.PageNumber, "zwei"));
        bad.WaitForElement("[data-testid=page-notice]", Wait);
        Assert.Equal("The page in the address is not a page number: showing the first page.", bad.Find("[data-testid=page-notice]").TextContent.Trim());
        Assert.Equal(PlatformHistory.PageSize, bad.FindAll("[data-change-id]").Count);
    }

    [Fact]
    public void The_public_history_says_so_when_nothing_is_recorded()
    {
        var history = Render<PlatformHistory>(parameters => parameters.Add(p => p.Slug, "no-such-platform"));

        history.WaitForElement("[data-testid=history-empty]", Wait);
        Assert.Equal("No changes recorded.", history.Find("[data-testid=history-empty]").TextContent.Trim());
    }
}
