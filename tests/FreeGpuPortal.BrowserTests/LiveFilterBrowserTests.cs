using System.Text.RegularExpressions;

using Microsoft.Playwright;

using static FreeGpuPortal.BrowserTests.PageConditions;

namespace FreeGpuPortal.BrowserTests;

/// <summary>
/// The comparison table as a visitor types into it: at a human pace, on addresses the output cache has already
/// answered, with the answer for an earlier keystroke arriving while the visitor is still typing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveFilterBrowserTests(BrowserFixture fixture)
{
    /// <summary>Console errors and failed responses of one page, to assert that none happened.</summary>
    private sealed class PageTrouble
    {
        public List<string> Messages { get; } = [];

        public static PageTrouble Watch(IPage page)
        {
            var trouble = new PageTrouble();
            page.Console += (_, message) =>
            {
                if (message.Type is "error" or "warning" || message.Text.Contains("Enhanced navigation", StringComparison.OrdinalIgnoreCase))
                {
                    trouble.Messages.Add($"console {message.Type}: {message.Text}");
                }
            };
            page.Response += (_, response) =>
            {
                if (response.Status >= 400)
                {
                    trouble.Messages.Add($"{response.Status} {response.Url}");
                }
            };
            return trouble;
        }
    }

    /// <summary>Asks for each address once, so the browser's requests below are answered from the output cache.</summary>
    private async Task WarmCacheAsync(params string[] urls)
    {
        using var client = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        foreach (var url in urls)
        {
            (await client.GetAsync(url)).EnsureSuccessStatusCode();
            var again = await client.GetAsync(url);
            Assert.True(again.Headers.Age is not null, $"{url} was not answered from the output cache");
        }
    }

    private static Task<int> HistoryLengthAsync(IPage page) => page.EvaluateAsync<int>("history.length");

    private static async Task TypeLikeAPersonAsync(IPage page, string text)
    {
        var pauses = new[] { 90, 140, 110, 80, 150, 120 };
        for (var i = 0; i < text.Length; i++)
        {
            await page.Keyboard.TypeAsync(text[i].ToString());
            await Task.Delay(pauses[i % pauses.Length]);
        }
    }

    private static async Task AssertTypingKeptAsync(IPage page, string expected)
    {
        Assert.Equal(expected, await page.Locator("#filter-q").InputValueAsync());
        Assert.Equal("filter-q", await page.EvaluateAsync<string>("document.activeElement && document.activeElement.id"));
        Assert.Equal(expected.Length, await page.EvaluateAsync<int>("document.getElementById('filter-q').selectionStart"));
        Assert.True(await page.EvaluateAsync<bool>("window.__sameDocument === true"), "a full page load happened");
    }

    [Fact]
    public async Task Typing_google_on_cached_addresses_keeps_every_letter_the_focus_and_the_page()
    {
        await WarmCacheAsync("/", "/?q=g", "/?q=goo", "/?q=google");
        var page = await fixture.NewPageAsync();
        var trouble = PageTrouble.Watch(page);
        await page.GotoAsync("/");
        await WaitUntilEnhancedAsync(page);
        await page.EvaluateAsync("window.__sameDocument = true");
        var before = await HistoryLengthAsync(page);

        await page.Locator("#filter-q").ClickAsync();
        await TypeLikeAPersonAsync(page, "google");
        await page.WaitForURLAsync(new Regex(@"/\?q=google$"));
        await ExpectRowsAsync(page, "colab");
        await page.WaitForTimeoutAsync(300);

        await AssertTypingKeptAsync(page, "google");
        Assert.Equal(before + 1, await HistoryLengthAsync(page));
        Assert.Empty(trouble.Messages);
    }

    [Fact]
    public async Task The_answer_for_an_earlier_keystroke_arriving_late_does_not_overwrite_newer_typing()
    {
        await WarmCacheAsync("/?q=goo", "/?q=google");
        var page = await fixture.NewPageAsync();
        var trouble = PageTrouble.Watch(page);
        await page.GotoAsync("/");
        await WaitUntilEnhancedAsync(page);
        await page.EvaluateAsync("window.__sameDocument = true");
        var before = await HistoryLengthAsync(page);

        // Each view that arrives is recorded with what the search box held at that moment.
        await page.EvaluateAsync(@"window.__views = [];
            Blazor.addEventListener('enhancedload', () => {
                const box = document.getElementById('filter-q');
                window.__views.push(location.search + '|' + box.value + '|' + box.selectionStart);
            });");

        // The answer for "goo" is held back until the visitor has typed on.
        var gooRequested = new TaskCompletionSource();
        var releaseGoo = new TaskCompletionSource();
        await page.RouteAsync(new Regex(@"/\?q=goo$"), async route =>
        {
            gooRequested.TrySetResult();
            await releaseGoo.Task;
            await route.ContinueAsync();
        });

        await page.Locator("#filter-q").ClickAsync();
        await TypeLikeAPersonAsync(page, "goo");
        await gooRequested.Task.WaitAsync(TimeSpan.FromSeconds(5)); // the pause made the page ask for "goo"
        await page.Keyboard.TypeAsync("g");
        releaseGoo.SetResult();
        await PageConditions.WaitUntilAsync(page, "window.__views.some(v => v.startsWith('?q=goo|'))");

        // The view for "goo" arrived while the box held "goog": the box kept it, caret at the end.
        Assert.Equal("?q=goo|goog|4", (await page.EvaluateAsync<string[]>("window.__views")).Single(v => v.StartsWith("?q=goo|", StringComparison.Ordinal)));
        await ExpectRowsAsync(page, "colab");
        await TypeLikeAPersonAsync(page, "le");

        await page.WaitForURLAsync(new Regex(@"/\?q=google$"));
        await ExpectRowsAsync(page, "colab");
        await page.WaitForTimeoutAsync(300);
        await AssertTypingKeptAsync(page, "google");
        Assert.Equal(before + 1, await HistoryLengthAsync(page));
        Assert.Empty(trouble.Messages);
    }

    [Fact]
    public async Task Each_committed_change_adds_one_history_entry_and_back_restores_the_field()
    {
        await WarmCacheAsync("/", "/?q=kaggle", "/?q=kaggle&features=private-notebooks");
        var page = await fixture.NewPageAsync();
        var trouble = PageTrouble.Watch(page);
        await page.GotoAsync("/");
        await WaitUntilEnhancedAsync(page);
        await page.EvaluateAsync("window.__sameDocument = true");
        var before = await HistoryLengthAsync(page);

        await page.Locator("#filter-q").ClickAsync();
        await TypeLikeAPersonAsync(page, "kaggle");
        await page.WaitForURLAsync(new Regex(@"/\?q=kaggle$"));
        Assert.Equal(before + 1, await HistoryLengthAsync(page));

        await page.GetByLabel("Private notebooks").CheckAsync();
        await page.WaitForURLAsync(new Regex(@"/\?q=kaggle&features=private-notebooks$"));
        Assert.Equal(before + 2, await HistoryLengthAsync(page));

        await page.Locator("th[data-sort-key=ramGb] a").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/\?q=kaggle&features=private-notebooks&sort=ramGb$"));
        Assert.Equal(before + 3, await HistoryLengthAsync(page));
        Assert.Equal("kaggle", await page.Locator("#filter-q").InputValueAsync());

        await page.GoBackAsync();
        await page.WaitForURLAsync(new Regex(@"/\?q=kaggle&features=private-notebooks$"));
        await page.GoBackAsync();
        await page.WaitForURLAsync(new Regex(@"/\?q=kaggle$"));

        // The address changes at once; the view follows when its (cached) answer is patched in.
        await Assertions.Expect(page.GetByLabel("Private notebooks")).Not.ToBeCheckedAsync();
        await page.GoBackAsync();
        await page.WaitForURLAsync(new Regex(@"/$"));
        await ExpectRowsAsync(page, "colab", "kaggle", "gradient");
        Assert.Equal("", await page.Locator("#filter-q").InputValueAsync()); // back shows the view's own search text

        Assert.True(await page.EvaluateAsync<bool>("window.__sameDocument === true"), "a full page load happened");
        Assert.Empty(trouble.Messages);
    }

    [Fact]
    public async Task Links_elsewhere_on_the_site_update_in_place_even_from_the_cache()
    {
        await WarmCacheAsync("/", "/platforms/kaggle", "/compare?p=colab,kaggle");
        var page = await fixture.NewPageAsync();
        var trouble = PageTrouble.Watch(page);
        await page.GotoAsync("/");
        await WaitUntilEnhancedAsync(page);
        await page.EvaluateAsync("window.__sameDocument = true");

        await page.Locator("tr[data-platform=kaggle] th a").ClickAsync();
        await page.Locator("h1[data-platform=kaggle]").WaitForAsync();
        await page.GoBackAsync();
        await page.WaitForURLAsync(new Regex(@"/$"));
        await page.Locator("tr[data-platform=colab] .compare-pick").CheckAsync();
        await page.Locator("tr[data-platform=kaggle] .compare-pick").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare ticked platforms" }).ClickAsync();
        await page.Locator("[data-testid=compare-table]").WaitForAsync();

        Assert.True(await page.EvaluateAsync<bool>("window.__sameDocument === true"), "a full page load happened");
        Assert.Empty(trouble.Messages);
    }
}
