using System.Text.RegularExpressions;

using Deque.AxeCore.Playwright;

using Microsoft.Playwright;

namespace FreeGpuPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class CompareBrowserTests(BrowserFixture fixture)
{
    private static async Task<string[]> ColumnsAsync(IPage page) =>
        [.. await page.Locator("[data-testid=compare-table] thead th[data-platform]")
            .EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.platform)")];

    [Fact]
    public async Task Tick_two_platforms_compare_them_and_show_only_the_differences()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("html[data-enhanced]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await page.GetByLabel("Compare Google Colab").CheckAsync();
        await page.GetByLabel("Compare Kaggle").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare ticked platforms" }).ClickAsync();

        await page.WaitForURLAsync(new Regex(@"/compare\?p=colab,kaggle$"));
        await page.Locator("[data-testid=compare-table]").WaitForAsync();
        Assert.Equal(["colab", "kaggle"], await ColumnsAsync(page));
        Assert.Equal(1, await page.Locator("tr[data-row=gpuMemory] td.best[data-platform=kaggle]").CountAsync());
        Assert.True(await page.Locator("tr[data-row=ram]").IsVisibleAsync());

        await page.Locator("[data-testid=differences-toggle]").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/compare\?p=colab,kaggle&diff=1$"));
        await page.Locator("tr[data-row=ram]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.True(await page.Locator("tr[data-row=weekly]").IsVisibleAsync());

        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("compare-desktop.png"), FullPage = true });
        var result = await page.RunAxe();
        Assert.Empty(result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id));
    }

    [Fact]
    public async Task The_compare_view_is_usable_on_a_375px_phone()
    {
        var page = await fixture.NewPageAsync(width: 375, height: 812);
        await page.GotoAsync("/compare?p=colab,kaggle,gradient");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("compare-phone.png"), FullPage = true });

        var pageWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(pageWidth <= 375, $"the page is {pageWidth}px wide: something sticks out");
        await page.Locator(".table-scroll").First.EvaluateAsync("el => el.scrollLeft = 500");
        var label = await page.Locator("tr[data-row=session] th").BoundingBoxAsync();
        Assert.NotNull(label);
        Assert.InRange(label.X, 0, 20); // the spec names stay pinned while the platforms scroll

        // Tapping a value reveals its source.
        await page.Locator("tr[data-row=idle] td[data-platform=gradient] .sourced-value").TapOrClickAsync();
        Assert.Contains("Free GPUs for training", await page.Locator("tr[data-row=idle] td[data-platform=gradient] [role=tooltip]").InnerTextAsync());
    }
}

internal static class LocatorExtensions
{
    /// <summary>Touch is not enabled in these contexts; a click focuses the value just as a tap does.</summary>
    public static Task TapOrClickAsync(this ILocator locator) => locator.ClickAsync();
}
