using System.Text.RegularExpressions;

using Microsoft.Playwright;

namespace FreeGpuPortal.BrowserTests.Published;

/// <summary>
/// Typing into the table's search on the published build in Production, on addresses its output cache has already
/// answered: the case in which cached answers once made every keystroke a full page load.
/// </summary>
[Collection(PublishedPortalCollection.Name)]
public sealed class PublishedTableTypingTests(PublishedPortalFixture portal)
{
    [Fact]
    public async Task Typing_google_on_cached_addresses_updates_in_place_and_keeps_every_letter()
    {
        using (var client = portal.NewHttpClient())
        {
            foreach (var url in new[] { "/", "/?q=google" })
            {
                (await client.GetAsync(url)).EnsureSuccessStatusCode();
                var again = await client.GetAsync(url);
                Assert.True(again.Headers.Age is not null, $"{url} was not answered from the output cache");
                Assert.Equal(["allow"], again.Headers.GetValues("blazor-enhanced-nav"));
            }
        }

        var page = await portal.NewPageAsync();
        var trouble = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning" || message.Text.Contains("Enhanced navigation", StringComparison.OrdinalIgnoreCase))
            {
                trouble.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                trouble.Add($"{response.Status} {response.Url}");
            }
        };
        await page.GotoAsync("/");
        await page.Locator("html[data-enhanced]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await page.EvaluateAsync("window.__sameDocument = true");
        var before = await page.EvaluateAsync<int>("history.length");

        await page.Locator("#filter-q").ClickAsync();
        foreach (var (letter, pause) in "google".Zip(new[] { 90, 140, 110, 80, 150, 120 }))
        {
            await page.Keyboard.TypeAsync(letter.ToString());
            await Task.Delay(pause);
        }

        await page.WaitForURLAsync(new Regex(@"/\?q=google$"));
        await PageConditions.WaitUntilAsync(page, "document.querySelectorAll('tr[data-platform]').length === 1");
        Assert.Equal("google", await page.Locator("#filter-q").InputValueAsync());
        Assert.Equal("filter-q", await page.EvaluateAsync<string>("document.activeElement && document.activeElement.id"));
        Assert.True(await page.EvaluateAsync<bool>("window.__sameDocument === true"), "a full page load happened");
        Assert.Equal(before + 1, await page.EvaluateAsync<int>("history.length"));
        Assert.Empty(trouble);
    }
}
