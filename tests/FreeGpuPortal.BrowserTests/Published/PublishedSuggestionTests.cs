using System.Text.RegularExpressions;

namespace FreeGpuPortal.BrowserTests.Published;

/// <summary>
/// The correction loop on the published build in Production over HTTPS: a visitor suggests that Kaggle's max session
/// is 12 h with evidence (a bad address first, a reload of the thank-you, the same form again from a stale tab); an
/// admin signed in with a second factor accepts it in the prefilled editor; the value, its history entry, both change
/// feeds and the visitor's outcome link show it.
/// </summary>
[Collection(PublishedPortalCollection.Name)]
public sealed class PublishedSuggestionTests(PublishedPortalFixture portal)
{
    private const string Evidence = "https://www.kaggle.com/docs/notebooks#session-limits";

    [Fact]
    public async Task A_visitors_suggestion_accepted_by_an_admin_shows_on_the_page_in_history_in_both_feeds_and_at_the_outcome_link()
    {
        var visitor = await portal.NewPageAsync();
        await visitor.GotoAsync("/platforms/kaggle");
        await visitor.Locator("[data-testid=spec-table] a[href='platforms/kaggle/suggest?field=maxSessionHours']").ClickAsync();
        await visitor.WaitForURLAsync(new Regex(@"/platforms/kaggle/suggest\?field=maxSessionHours$"));
        Assert.Equal("maxSessionHours", await visitor.Locator("[data-testid=suggest-field]").InputValueAsync());

        // A stale tab: the same form, opened now and sent after the first one went through.
        var staleTab = await portal.NewPageAsync();
        await staleTab.GotoAsync("/platforms/kaggle/suggest?field=maxSessionHours");

        await visitor.Locator("[data-testid=suggest-from]").FillAsync("12");
        await visitor.Locator("[data-testid=suggest-evidence]").FillAsync("kaggle docs");
        await visitor.Locator("[data-testid=suggest-note]").FillAsync("The docs say 12 hours for CPU and GPU sessions.");
        await visitor.Locator("[data-testid=suggest-send]").ClickAsync();
        // The browser's own check of type=url stops "kaggle docs" before it is sent; either way nothing is lost.
        Assert.Equal("12", await visitor.Locator("[data-testid=suggest-from]").InputValueAsync());
        Assert.Equal("The docs say 12 hours for CPU and GPU sessions.", await visitor.Locator("[data-testid=suggest-note]").InputValueAsync());

        await visitor.Locator("[data-testid=suggest-evidence]").FillAsync(Evidence);
        await visitor.Locator("[data-testid=suggest-send]").ClickAsync();
        await visitor.WaitForURLAsync(new Regex("/suggestions/[A-Za-z0-9_-]{32}/thanks$"));
        var outcomeLink = await visitor.Locator("[data-testid=outcome-link]").InnerTextAsync();
        Assert.Matches(new Regex("^https://[^/]+/suggestions/[A-Za-z0-9_-]{32}$"), outcomeLink);
        Assert.Equal("12 h", await visitor.Locator("[data-testid=suggest-thanks-value]").InnerTextAsync());

        await visitor.ReloadAsync();
        Assert.Equal(outcomeLink, await visitor.Locator("[data-testid=outcome-link]").InnerTextAsync());

        await staleTab.Locator("[data-testid=suggest-from]").FillAsync("12");
        await staleTab.Locator("[data-testid=suggest-evidence]").FillAsync(Evidence);
        await staleTab.Locator("[data-testid=suggest-send]").ClickAsync();
        await staleTab.WaitForURLAsync(new Regex("/suggestions/[A-Za-z0-9_-]{32}/thanks$"));
        Assert.Equal(outcomeLink, await staleTab.Locator("[data-testid=outcome-link]").InnerTextAsync()); // stored once

        await visitor.GotoAsync(outcomeLink);
        Assert.Equal("pending", await visitor.Locator("[data-testid=suggestion-status]").GetAttributeAsync("data-status"));

        // The admin: two-factor sign-in, the queue, Accept, the prefilled editor, Save.
        var admin = await portal.NewPageAsync();
        await portal.CreateAdminAndSignInWithTwoFactorAsync(admin, "suggestion-admin@example.org", "a kestrel above the dunes");
        await admin.GotoAsync("/admin");
        await admin.Locator(".admin-shell[data-interactive=true]").WaitForAsync(new() { Timeout = 20_000 });
        Assert.Contains("1 suggested correction", await admin.Locator("[data-testid=queue-suggestions]").InnerTextAsync());
        await admin.Locator("[data-testid=queue-suggestions]").ClickAsync();
        await admin.WaitForURLAsync(new Regex("/admin/suggestions$"));
        await admin.Locator(".admin-shell[data-interactive=true]").WaitForAsync(new() { Timeout = 20_000 });
        var card = admin.Locator("article[data-platform=kaggle]");
        Assert.Equal("12 h", (await card.Locator("[data-testid=proposed]").InnerTextAsync()).Trim());
        Assert.Equal(Evidence, (await card.Locator("[data-testid=evidence]").InnerTextAsync()).Trim());
        await card.Locator("[data-testid=accept]").ClickAsync();

        await admin.WaitForURLAsync(new Regex(@"/admin/platforms/kaggle/edit\?section=MaxSessionHours&suggestion=\d+$"));
        await admin.Locator(".admin-shell[data-interactive=true]").WaitForAsync(new() { Timeout = 20_000 });
        await admin.Locator("[data-testid=accepting-suggestion]").WaitForAsync();
        Assert.Equal("12", await admin.Locator("#f-MaxSessionHours-Min").InputValueAsync());
        Assert.Equal("12", await admin.Locator("#f-MaxSessionHours-Max").InputValueAsync());
        Assert.Equal(Evidence, await admin.Locator("#f-Evidence-EvidenceUrl").InputValueAsync());
        await admin.Locator("[data-testid=save]").ClickAsync();
        try
        {
            await admin.WaitForURLAsync(new Regex(@"/admin/platforms/kaggle/history\?saved=\d+$"));
        }
        catch (TimeoutException)
        {
            Assert.Fail("Not saved: " + await admin.Locator("[data-testid=action-bar]").InnerTextAsync() + "\n" + await admin.Locator("[data-testid=evidence]").InnerTextAsync() + "\n" + portal.ServerLog[^Math.Min(6000, portal.ServerLog.Length)..]);
        }

        var changeId = Regex.Match(admin.Url, @"saved=(\d+)$").Groups[1].Value;

        // What everyone sees now.
        await visitor.GotoAsync("/platforms/kaggle");
        var sessionRow = visitor.Locator("[data-testid=spec-table] tr", new() { Has = visitor.Locator("a[href='platforms/kaggle/suggest?field=maxSessionHours']") });
        Assert.Contains("12 h", await sessionRow.InnerTextAsync());
        var entry = visitor.Locator($"[data-testid=platform-history] [data-change-id='{changeId}']");
        Assert.Contains(Evidence, await entry.InnerTextAsync());

        using var http = portal.NewHttpClient();
        foreach (var feed in new[] { "/changes.atom", "/platforms/kaggle/changes.atom" })
        {
            var atom = await http.GetStringAsync(feed);
            Assert.Contains($"#change-{changeId}</id>", atom);
            Assert.Contains(Evidence, atom);
            Assert.DoesNotContain("suggestion-admin@example.org", atom);
        }

        await visitor.GotoAsync(outcomeLink);
        Assert.Equal("accepted", await visitor.Locator("[data-testid=suggestion-status]").GetAttributeAsync("data-status"));
        Assert.Equal("Max session changed from not stated to 12 h.", (await visitor.Locator("[data-testid=suggestion-change]").InnerTextAsync()).Trim());
        Assert.DoesNotContain("suggestion-admin@example.org", await visitor.ContentAsync());
    }
}
