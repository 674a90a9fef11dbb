using System.Text.RegularExpressions;

using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

using Microsoft.Playwright;

using static FreeGpuPortal.BrowserTests.PageConditions;

namespace FreeGpuPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ComparisonBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Sort_filter_reload_and_back_keep_the_view_in_the_url()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await WaitUntilEnhancedAsync(page);
        await ExpectRowsAsync(page, "colab", "kaggle", "gradient");
        // Survives only if no full page load happens from here on.
        await page.EvaluateAsync("window.__sameDocument = true");

        await page.Locator("th[data-sort-key=gpuMemoryGb] a").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"\?sort=gpuMemoryGb$"));
        await ExpectRowsAsync(page, "colab", "gradient", "kaggle");

        await page.Locator("th[data-sort-key=gpuMemoryGb] a").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"\?sort=-gpuMemoryGb$"));
        await ExpectRowsAsync(page, "kaggle", "colab", "gradient");
        Assert.Equal("descending", await page.Locator("th[data-sort-key=gpuMemoryGb]").GetAttributeAsync("aria-sort"));

        await page.GetByLabel("Min GPU memory (GB)").FillAsync("12");
        await page.WaitForURLAsync(new Regex(@"\?minGpuMemoryGb=12&sort=-gpuMemoryGb$"));
        await ExpectRowsAsync(page, "kaggle");
        Assert.Contains("1 of 3 platforms matches", await page.Locator("[data-testid=result-count]").InnerTextAsync());

        await page.GetByLabel("GPU memory mode").SelectOptionAsync("possible");
        await page.WaitForURLAsync(new Regex(@"\?minGpuMemoryGb=12&gpuMemory=possible&sort=-gpuMemoryGb$"));
        await ExpectRowsAsync(page, "colab", "kaggle");
        Assert.True(await page.EvaluateAsync<bool>("window.__sameDocument === true"), "the filter caused a full page load");

        await page.ReloadAsync();
        await WaitUntilEnhancedAsync(page);
        await ExpectRowsAsync(page, "colab", "kaggle");
        Assert.Equal("12", await page.GetByLabel("Min GPU memory (GB)").InputValueAsync());
        Assert.Equal("possible", await page.GetByLabel("GPU memory mode").InputValueAsync());

        await page.GoBackAsync();
        await page.WaitForURLAsync(new Regex(@"\?minGpuMemoryGb=12&sort=-gpuMemoryGb$"));
        await ExpectRowsAsync(page, "kaggle");

        await page.GoBackAsync();
        await page.WaitForURLAsync(new Regex(@"\?sort=-gpuMemoryGb$"));
        await ExpectRowsAsync(page, "kaggle", "colab", "gradient");
        Assert.Equal("", await page.GetByLabel("Min GPU memory (GB)").InputValueAsync());
    }

    [Fact]
    public async Task Features_and_clear_all_update_the_table_and_url()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await WaitUntilEnhancedAsync(page);

        await page.GetByLabel("Private notebooks").CheckAsync();
        await page.WaitForURLAsync(new Regex(@"\?features=private-notebooks$"));
        await ExpectRowsAsync(page, "colab", "kaggle");

        await page.GetByLabel("Background execution").CheckAsync();
        await page.WaitForURLAsync(new Regex(@"\?features=private-notebooks,background-execution$"));
        await ExpectRowsAsync(page, "kaggle");

        await page.GetByRole(AriaRole.Link, new() { Name = "Clear all filters" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/$"));
        await ExpectRowsAsync(page, "colab", "kaggle", "gradient");
    }

    [Fact]
    public async Task No_results_offer_a_one_click_relaxation()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/?minGpuMemoryGb=100&features=tpu");
        await WaitUntilEnhancedAsync(page);
        await ExpectRowsAsync(page);

        await page.Locator("[data-relax]").First.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"\?features=tpu$"));
        await ExpectRowsAsync(page, "colab");
    }

    [Fact]
    public async Task Hovering_a_value_shows_its_source()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");

        var idle = page.Locator("tr[data-platform=gradient] td[data-column=idle]");
        await idle.Locator(".sourced-value").HoverAsync();
        var tip = idle.Locator("[role=tooltip]");

        Assert.True(await tip.IsVisibleAsync());
        Assert.Contains("Free GPUs for training your deep learning models", await tip.InnerTextAsync());
        Assert.Contains("A long idle time of 1 to 6 hours.", await tip.InnerTextAsync());
    }

    [Fact]
    public async Task Platform_page_opens_from_the_table()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("tr[data-platform=kaggle] th a").ClickAsync();

        await page.WaitForURLAsync(new Regex("/platforms/kaggle$"));
        await page.Locator("h1[data-platform=kaggle]").WaitForAsync();
        Assert.Equal("Kaggle", await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.GetByText("Resets every Saturday at midnight UTC.").First.IsVisibleAsync());
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("platform-kaggle.png"), FullPage = true });
    }

    [Fact]
    public async Task Desktop_screenshot_for_the_docs()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await WaitUntilEnhancedAsync(page);

        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("comparison-desktop.png"), FullPage = true });
        Assert.Equal(3, (await RowsAsync(page)).Length);
    }

    [Fact]
    public async Task On_a_375px_phone_nothing_is_clipped_and_the_name_column_stays_visible()
    {
        var page = await fixture.NewPageAsync(width: 375, height: 812);
        await page.GotoAsync("/");
        await WaitUntilEnhancedAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("comparison-phone.png"), FullPage = true });

        var pageWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(pageWidth <= 375, $"the page is {pageWidth}px wide: something sticks out");

        // The table scrolls inside its own box; the platform name stays pinned at the left edge.
        await page.Locator(".table-scroll").First.EvaluateAsync("el => el.scrollLeft = 600");
        var nameBox = await page.Locator("tr[data-platform=kaggle] th").BoundingBoxAsync();
        Assert.NotNull(nameBox);
        Assert.InRange(nameBox.X, 0, 20);
        Assert.True(await page.Locator("tr[data-platform=kaggle] th a").IsVisibleAsync());
    }

    [Fact]
    public async Task Dark_mode_follows_the_system_and_the_toggle_overrides_it()
    {
        var page = await fixture.NewPageAsync(colorScheme: ColorScheme.Dark);
        await page.GotoAsync("/");
        await WaitUntilEnhancedAsync(page);
        const string Background = "getComputedStyle(document.body).backgroundColor";

        var dark = await page.EvaluateAsync<string>(Background);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("comparison-dark.png") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch between light and dark theme" }).ClickAsync();
        var light = await page.EvaluateAsync<string>(Background);

        Assert.Equal("rgb(50, 51, 61)", dark); // MudBlazor's dark background
        Assert.Equal("rgb(255, 255, 255)", light);

        await page.ReloadAsync();
        Assert.Equal(light, await page.EvaluateAsync<string>(Background)); // the choice is remembered
    }

    [Theory]
    [InlineData("/", ColorScheme.Light)]
    [InlineData("/", ColorScheme.Dark)]
    [InlineData("/?minGpuMemoryGb=abc&minSessionHours=100", ColorScheme.Light)]
    [InlineData("/platforms/colab", ColorScheme.Light)]
    [InlineData("/platforms/kaggle", ColorScheme.Dark)]
    [InlineData("/platforms/unknown", ColorScheme.Light)]
    public async Task Axe_finds_no_serious_or_critical_violations(string url, ColorScheme scheme)
    {
        if (url == "/platforms/unknown")
        {
            // The not-found page is what this case scans: the browser logs its 404 status as an error.
            BrowserErrors.Expect("the server responded with a status of 404");
        }

        var page = await fixture.NewPageAsync(colorScheme: scheme);
        await page.GotoAsync(url);

        AxeResult result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();

        Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")));
    }
}
