using Deque.AxeCore.Playwright;

using Microsoft.Playwright;

namespace FreeGpuPortal.BrowserTests;

/// <summary>
/// The status page as a person finds it: from the footer of the page they are on, in that page's language, readable
/// (axe finds nothing in light and dark), and "/healthz" one link further for whoever wants the machines' view.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StatusBrowserTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("/", "Service status", "Everything works", ColorScheme.Light)]
    [InlineData("/zh-CN/", "服务状态", "一切正常", ColorScheme.Dark)]
    public async Task The_footer_link_opens_the_status_page_in_the_page_language(string start, string heading, string summary, ColorScheme scheme)
    {
        var page = await fixture.NewPageAsync(colorScheme: scheme);
        await page.GotoAsync(start);

        await page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = heading }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        await Assertions.Expect(page.GetByTestId("status-health")).ToContainTextAsync(summary);
        Assert.EndsWith(start + "status", page.Url, StringComparison.Ordinal);
        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0, page.Url + ": " + string.Join("\n", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")));
    }
}
