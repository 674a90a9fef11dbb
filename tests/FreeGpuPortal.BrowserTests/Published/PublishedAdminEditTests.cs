using System.Text.RegularExpressions;

using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace FreeGpuPortal.BrowserTests.Published;

/// <summary>
/// The admin edit form on the published build in Production, with two-factor sign-in: a save after the sign-in ended
/// in another tab, two admins saving the same field, and what a keyboard user meets on the form.
/// </summary>
[Collection(PublishedFormsCollection.Name)]
public sealed class PublishedAdminEditTests(PublishedFormsFixture portal)
{
    private const string Evidence = "https://example.org/platform-terms";

    private static ILocator Field(IPage page, string path) => page.Locator($"#f-{path.Replace('.', '-')}");

    private static async Task FillAsync(IPage page, string path, string value)
    {
        await Field(page, path).FillAsync(value);
        await Field(page, path).PressAsync("Tab"); // MudBlazor fields commit on change
    }

    private static async Task AssertRefusedKeepingInputAsync(IPage page, string expectedReason)
    {
        var refused = page.Locator("[data-testid=admin-refused]");
        await refused.WaitForAsync();
        Assert.Equal(expectedReason, await refused.GetAttributeAsync("data-reason"));
        Assert.Contains("no longer signed in as an admin", await refused.InnerTextAsync());
        Assert.Contains("everything you entered on this page is kept", await refused.InnerTextAsync());
        Assert.Matches(new Regex("/admin/platforms/gradient/edit"), page.Url);
        Assert.Equal("55", await Field(page, "IdleTimeoutMinutes.Min").InputValueAsync());
        Assert.Equal("65", await Field(page, "IdleTimeoutMinutes.Max").InputValueAsync());
        Assert.Equal(Evidence, await Field(page, "Evidence.EvidenceUrl").InputValueAsync());
    }

    private Task<int> ChangeCountAsync(string slug) =>
        portal.ReadCatalogAsync(db => db.CatalogChanges.CountAsync(c => c.Platform!.Slug == slug));

    private static async Task TypeIdleChangeAsync(IPage page)
    {
        await FillAsync(page, "IdleTimeoutMinutes.Min", "55");
        await FillAsync(page, "IdleTimeoutMinutes.Max", "65");
        await FillAsync(page, "Evidence.EvidenceUrl", Evidence);
    }

    [Fact]
    public async Task A_save_after_signing_out_in_another_tab_or_losing_the_cookie_is_refused_and_keeps_the_input()
    {
        var before = await portal.PublicValueAsync("gradient", "idleTimeoutMinutes.min");
        var changes = await ChangeCountAsync("gradient");
        var context = await portal.NewContextAsync();
        var first = await context.NewPageAsync();
        await portal.SignInAdminAsync(first, PublishedFormsFixture.AdminEmail);
        var second = await context.NewPageAsync();
        await PublishedFormsFixture.OpenEditAsync(second, "gradient", "IdleTimeoutMinutes");

        await first.Locator("[data-testid=sign-out]").ClickAsync();
        await first.WaitForURLAsync(url => !url.Contains("/admin", StringComparison.Ordinal));
        await TypeIdleChangeAsync(second);
        await second.Locator("[data-testid=save]").ClickAsync();

        await AssertRefusedKeepingInputAsync(second, "NotSignedIn");
        Assert.Equal(before, await portal.PublicValueAsync("gradient", "idleTimeoutMinutes.min"));

        // A second tab of a sign-in whose cookie is gone (expired, or cleared): the same.
        var other = await portal.NewContextAsync();
        var page = await other.NewPageAsync();
        await portal.SignInAdminAsync(page, PublishedFormsFixture.AdminEmail);
        await PublishedFormsFixture.OpenEditAsync(page, "gradient", "IdleTimeoutMinutes");
        await TypeIdleChangeAsync(page);
        await other.ClearCookiesAsync();
        await page.Locator("[data-testid=save]").ClickAsync();

        await AssertRefusedKeepingInputAsync(page, "NotSignedIn");
        await page.Locator("[data-testid=save]").ClickAsync(); // trying again changes nothing either
        await AssertRefusedKeepingInputAsync(page, "NotSignedIn");
        Assert.Equal(before, await portal.PublicValueAsync("gradient", "idleTimeoutMinutes.min"));
        Assert.Equal(changes, await ChangeCountAsync("gradient"));
    }

    [Fact]
    public async Task A_second_admins_save_of_the_same_field_shows_the_conflict_at_the_field_and_needs_a_choice_to_overwrite()
    {
        var changes = await ChangeCountAsync("kaggle");
        var first = await portal.NewPageAsync();
        await portal.SignInAdminAsync(first, PublishedFormsFixture.AdminEmail);
        var second = await portal.NewPageAsync();
        await portal.SignInAdminAsync(second, PublishedFormsFixture.SecondAdminEmail);
        await PublishedFormsFixture.OpenEditAsync(first, "kaggle", "IdleTimeoutMinutes");
        await PublishedFormsFixture.OpenEditAsync(second, "kaggle", "IdleTimeoutMinutes");

        await FillAsync(first, "IdleTimeoutMinutes.Min", "33");
        await FillAsync(first, "IdleTimeoutMinutes.Max", "33");
        await FillAsync(first, "Evidence.EvidenceUrl", Evidence);
        await first.Locator("[data-testid=save]").ClickAsync();
        await first.WaitForURLAsync(new Regex(@"/admin/platforms/kaggle/history\?saved=\d+$"));

        await FillAsync(second, "IdleTimeoutMinutes.Min", "44");
        await FillAsync(second, "IdleTimeoutMinutes.Max", "44");
        await FillAsync(second, "Evidence.EvidenceUrl", Evidence + "#second");
        await second.Locator("[data-testid=save]").ClickAsync();

        var choice = second.Locator("[data-conflict-field=IdleTimeoutMinutes]");
        await choice.WaitForAsync();
        Assert.Equal("true", await choice.GetAttributeAsync("data-needs-choice"));
        Assert.Contains("33", await choice.Locator("[data-value=saved]").InnerTextAsync());
        Assert.Contains("44", await choice.Locator("[data-value=yours]").InnerTextAsync());
        await AssertInViewAndFocusedAsync(second, choice);
        Assert.Equal("33", await portal.PublicValueAsync("kaggle", "idleTimeoutMinutes.min"));

        // A second click on Save does not overwrite: it points at the field that still needs a choice.
        await second.Locator("[data-testid=save]").ClickAsync();
        await Assertions.Expect(second.Locator("[data-testid=form-message]")).ToContainTextAsync("Idle timeout");
        await AssertInViewAndFocusedAsync(second, choice);

        // The same from another section: Save opens the conflict's section again and brings the choice into focus.
        await second.Locator("[data-section-link=general]").ClickAsync();
        await Assertions.Expect(choice).ToBeHiddenAsync();
        await second.Locator("[data-testid=save]").ClickAsync();
        await Assertions.Expect(second.Locator("[data-section-link=IdleTimeoutMinutes]")).ToHaveAttributeAsync("aria-pressed", "true");
        await AssertInViewAndFocusedAsync(second, choice);
        Assert.Equal("33", await portal.PublicValueAsync("kaggle", "idleTimeoutMinutes.min"));
        Assert.Equal(changes + 1, await ChangeCountAsync("kaggle"));
        Assert.Equal("44", await Field(second, "IdleTimeoutMinutes.Min").InputValueAsync());
        Assert.Equal(Evidence + "#second", await Field(second, "Evidence.EvidenceUrl").InputValueAsync());

        // The explicit choice, beside the field, then Save: the second admin's value goes live.
        await choice.Locator("[data-testid=keep-mine]").ClickAsync();
        await Assertions.Expect(choice).ToHaveAttributeAsync("data-needs-choice", "false");
        await second.Locator("[data-testid=save]").ClickAsync();
        await second.WaitForURLAsync(new Regex(@"/admin/platforms/kaggle/history\?saved=\d+$"));
        Assert.Equal("44", await portal.PublicValueAsync("kaggle", "idleTimeoutMinutes.min"));
        Assert.Equal(changes + 2, await ChangeCountAsync("kaggle"));
    }

    /// <summary>The element is on screen, not hidden under the sticky action bar, and focus is on it or inside it.</summary>
    private static async Task AssertInViewAndFocusedAsync(IPage page, ILocator element)
    {
        const string script = """
            e => {
                const r = e.getBoundingClientRect();
                const x = r.left + Math.min(r.width / 2, 40), y = r.top + Math.min(r.height / 2, 12);
                const top = document.elementFromPoint(x, y);
                return {
                    inView: r.top >= 0 && r.top < window.innerHeight && r.left >= 0,
                    uncovered: !!top && e.contains(top),
                    focused: e.contains(document.activeElement),
                };
            }
            """;
        await PageConditions.WaitUntilAsync(page, "document.activeElement && document.activeElement.closest('[data-conflict-field]') !== null");
        var state = await element.EvaluateAsync<Dictionary<string, bool>>(script);
        Assert.True(state["inView"], "the conflict is in the viewport");
        Assert.True(state["uncovered"], "the conflict is not covered by the action bar");
        Assert.True(state["focused"], "focus moved to the conflict at the field");
    }

    [Fact]
    public async Task On_the_edit_form_the_keyboard_reaches_save_quickly_labels_are_whole_and_the_title_names_the_platform()
    {
        var page = await portal.NewPageAsync();
        await portal.SignInAdminAsync(page, PublishedFormsFixture.AdminEmail);
        await PublishedFormsFixture.OpenEditAsync(page, "colab", "general");

        Assert.StartsWith("Edit Google Colab", await page.TitleAsync());
        Assert.Contains("Google Colab", await page.Locator("h1").InnerTextAsync());
        Assert.DoesNotContain("colab", await page.TitleAsync(), StringComparison.Ordinal);

        // Jump to a section, then Tab to Save.
        await page.Locator("[data-section-link=IdleTimeoutMinutes]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-section-link=IdleTimeoutMinutes]")).ToHaveAttributeAsync("aria-pressed", "true");
        var presses = 0;
        while (presses < 30 && !await page.EvaluateAsync<bool>("document.activeElement?.getAttribute('data-testid') === 'save'"))
        {
            await page.Keyboard.PressAsync("Tab");
            presses++;
        }

        Assert.True(presses <= 15, $"{presses} Tab presses from the section to Save");

        // Save stays reachable: in view at the top of the longest form and at its end.
        await page.Locator("[data-section-link=all]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-section-link=all]")).ToHaveAttributeAsync("aria-pressed", "true");
        foreach (var scroll in new[] { "window.scrollTo(0, 0)", "window.scrollTo(0, document.body.scrollHeight)" })
        {
            await page.EvaluateAsync(scroll);
            Assert.True(
                await page.Locator("[data-testid=save]").EvaluateAsync<bool>("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }"),
                $"Save is in view after {scroll}");
        }

        // No label is cut off (text wider than a box that clips it), on a desktop and on a phone.
        foreach (var width in new[] { 1400, 375 })
        {
            await page.SetViewportSizeAsync(width, 900);
            var cut = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('.platform-form label, .platform-form legend')]
                    .filter(l => l.offsetParent !== null && l.clientWidth > 0)
                    .filter(l => { const s = getComputedStyle(l); return s.overflowX !== 'visible' || s.textOverflow === 'ellipsis'; })
                    .filter(l => l.scrollWidth > l.clientWidth + 1)
                    .map(l => l.textContent.trim())
                """);
            Assert.True(cut.Length == 0, $"{width} px: cut off: {string.Join(" | ", cut)}");
        }
    }

    [Fact]
    public async Task Leaving_the_edit_form_with_an_unsaved_change_asks_first_and_staying_keeps_the_input()
    {
        var page = await portal.NewPageAsync();
        await portal.SignInAdminAsync(page, PublishedFormsFixture.AdminEmail);
        await PublishedFormsFixture.OpenEditAsync(page, "colab", "general");
        await FillAsync(page, "Name", "Google Colab (edited)");
        await Assertions.Expect(page.Locator("[data-testid=platform-form]")).ToHaveAttributeAsync("data-dirty", "true");

        // A link in the page's header or breadcrumbs, clicked right after the change: the browser asks before
        // leaving; dismissing stays.
        var asked = new List<string>();
        var firstAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Dismiss(object? sender, IDialog dialog)
        {
            lock (asked)
            {
                asked.Add(dialog.Type);
            }

            _ = dialog.DismissAsync();
            firstAsked.TrySetResult();
        }

        page.Dialog += Dismiss;
        await page.Locator("nav.breadcrumbs a[href=admin]").ClickAsync();
        var askedInTime = await Task.WhenAny(firstAsked.Task, Task.Delay(PageConditions.Patience)) == firstAsked.Task;
        Assert.True(askedInTime, $"no question within {PageConditions.Patience.TotalSeconds} s of the click; the page is at {page.Url}");
        await Task.Delay(500); // a navigation that went ahead anyway would have started by now
        page.Dialog -= Dismiss;

        Assert.Equal(["beforeunload"], asked);
        Assert.Matches(new Regex("/admin/platforms/colab/edit"), page.Url);
        Assert.Equal("Google Colab (edited)", await Field(page, "Name").InputValueAsync());
        Assert.Equal("Google Colab", await portal.PublicValueAsync("colab", "name"));

        // A reload asks too, and dismissing keeps the input.
        asked.Clear();
        firstAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        page.Dialog += Dismiss;
        await page.EvaluateAsync("() => { setTimeout(() => location.reload(), 0); }");
        askedInTime = await Task.WhenAny(firstAsked.Task, Task.Delay(PageConditions.Patience)) == firstAsked.Task;
        Assert.True(askedInTime, $"no question within {PageConditions.Patience.TotalSeconds} s of the reload; the page is at {page.Url}");
        await Task.Delay(500);
        page.Dialog -= Dismiss;

        Assert.Equal(["beforeunload"], asked);
        Assert.Equal("Google Colab (edited)", await Field(page, "Name").InputValueAsync());

        // Choosing to leave leaves, and nothing was saved.
        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await page.Locator("nav.breadcrumbs a[href=admin]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/admin$"));
        Assert.Equal("Google Colab", await portal.PublicValueAsync("colab", "name"));
    }

    /// <summary>Blazor's circuit gauges at /metrics (the test reaches it over loopback, as a local scraper does).</summary>
    private async Task<(double Active, double Connected)> CircuitsAsync()
    {
        using var client = portal.NewHttpClient();
        var text = await client.GetStringAsync("/metrics");
        double Gauge(string name) => text.Split('\n')
            .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
            .Sum(line => double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("aspnetcore_components_circuit_active", text);
        return (Gauge("aspnetcore_components_circuit_active"), Gauge("aspnetcore_components_circuit_connected"));
    }

    [Fact]
    public async Task An_open_edit_page_is_one_circuit_in_the_metrics_and_closing_its_tab_releases_it()
    {
        var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await portal.SignInAdminAsync(page, PublishedFormsFixture.AdminEmail);
        var before = await CircuitsAsync();

        // Another tab with the edit page is a circuit of its own, connected to its browser.
        var second = await context.NewPageAsync();
        await PublishedFormsFixture.OpenEditAsync(second, "kaggle", "IdleTimeoutMinutes");
        var open = await CircuitsAsync();
        Assert.True(open.Active >= before.Active + 1 && open.Connected >= 1, $"before {before}, with the edit tab open {open}");

        // Closing the tab tells the server (the page's unload beacon): the circuit is released at once, not kept for a
        // reconnect, so an admin who opens the editor many times a day does not leave one circuit per visit behind.
        await second.CloseAsync();
        var after = open;
        for (var attempt = 0; attempt < 50 && after.Active > open.Active - 1; attempt++)
        {
            await Task.Delay(200);
            after = await CircuitsAsync();
        }

        Assert.True(after.Active <= open.Active - 1, $"with the edit tab open {open}, 10 s after closing it {after}");
        await context.CloseAsync();
    }
}
