using System.Text.RegularExpressions;

using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog.Editing;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

using static FreeGpuPortal.BrowserTests.PageConditions;

namespace FreeGpuPortal.BrowserTests;

/// <summary>The public pages on a 375 px phone and with text no layout expects; the icon every page names.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneAndLayoutBrowserTests(BrowserFixture fixture)
{
    private const int PhoneWidth = 375;

    private static async Task AssertInsideViewportAsync(ILocator element, int width, string what)
    {
        var box = await element.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= width, $"{what} spans {box.X:0}–{box.X + box.Width:0} px of a {width} px screen");
    }

    private static Task<int> PageWidthAsync(IPage page) => page.EvaluateAsync<int>("document.documentElement.scrollWidth");

    [Theory]
    [InlineData("kaggle", "weekly")] // the last value column: its tip used to be cut at the table's right edge
    [InlineData("gradient", "idle")]
    [InlineData("colab", "gpu")]
    public async Task A_tapped_value_shows_its_whole_source_tip_inside_the_screen(string platform, string column)
    {
        var page = await fixture.NewPageAsync(width: PhoneWidth, height: 812);
        await page.GotoAsync("/");
        await WaitUntilEnhancedAsync(page);

        var value = page.Locator($"tr[data-platform={platform}] td[data-column={column}] .sourced-value").First;
        await value.ScrollIntoViewIfNeededAsync();
        await value.ClickAsync();
        var tip = page.Locator($"tr[data-platform={platform}] td[data-column={column}] [role=tooltip]").First;

        Assert.True(await tip.IsVisibleAsync());
        await AssertInsideViewportAsync(tip, PhoneWidth, "the tip");
        // Nothing clips it: the point at its middle is the tip itself, not the table's edge or the page behind.
        var hit = await tip.EvaluateAsync<bool>(@"tip => {
            const r = tip.getBoundingClientRect();
            const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return at !== null && tip.contains(at);
        }");
        Assert.True(hit, "the tip is hidden behind something or clipped");
    }

    [Fact]
    public async Task The_platform_page_keeps_source_and_as_of_on_a_375px_screen()
    {
        var page = await fixture.NewPageAsync(width: PhoneWidth, height: 812);
        await page.GotoAsync("/platforms/kaggle");

        Assert.True(await PageWidthAsync(page) <= PhoneWidth, "the page is wider than the screen");
        var specs = page.Locator("[data-testid=spec-table]");
        Assert.True(await specs.EvaluateAsync<bool>("t => t.scrollWidth <= t.parentElement.clientWidth"), "the specs table overflows");
        var firstRow = specs.Locator("tbody tr").First;
        await AssertInsideViewportAsync(firstRow.Locator("td[data-label=Source]"), PhoneWidth, "Source");
        await AssertInsideViewportAsync(firstRow.Locator("td[data-label='As of']"), PhoneWidth, "As of");
        Assert.True(await firstRow.Locator("td[data-label=Source] a").IsVisibleAsync());
    }

    [Theory]
    [InlineData("/status")]
    [InlineData("/zh-CN/status")]
    public async Task The_status_page_reads_whole_on_a_375px_screen(string url)
    {
        var page = await fixture.NewPageAsync(width: PhoneWidth, height: 812);
        await page.GotoAsync(url);

        Assert.True(await PageWidthAsync(page) <= PhoneWidth, "the page is wider than the screen");
        foreach (var table in new[] { "status-facts", "status-checks" })
        {
            var rows = page.Locator($"[data-testid={table}] tbody tr");
            Assert.True(await rows.CountAsync() >= 3, table);
            // Each row's value stands whole inside the screen, under its label (it used to be cut at the right edge).
            foreach (var cell in await page.Locator($"[data-testid={table}] td").AllAsync())
            {
                await AssertInsideViewportAsync(cell, PhoneWidth, $"a value of {table}");
                Assert.True(await cell.EvaluateAsync<bool>("c => c.scrollWidth <= c.clientWidth"), $"a value of {table} is cut");
            }
        }
    }

    [Fact]
    public async Task On_a_phone_the_filters_fold_behind_a_button_that_counts_them()
    {
        var page = await fixture.NewPageAsync(width: PhoneWidth, height: 812);
        await page.GotoAsync("/?minGpuMemoryGb=8&features=tpu");
        await WaitUntilEnhancedAsync(page);

        var summary = page.Locator("[data-testid=filters-summary]");
        var search = page.Locator("#filter-q");
        Assert.Equal("Filters (2)", (await summary.InnerTextAsync()).Trim());
        Assert.False(await search.IsVisibleAsync());
        var table = await page.Locator("[data-testid=comparison-table]").BoundingBoxAsync();
        Assert.NotNull(table);
        Assert.True(table.Y < 812, "the table does not start on the first screen");

        await summary.ClickAsync();
        Assert.True(await search.IsVisibleAsync());
        await page.GetByLabel("Private notebooks").CheckAsync();
        await page.WaitForURLAsync(new Regex("private-notebooks"));
        await PageConditions.WaitUntilAsync(page, "document.querySelector('[data-testid=filters-summary]').textContent.trim() === 'Filters (3)'");

        // The new view keeps the panel open and the focus where the visitor was.
        Assert.True(await search.IsVisibleAsync());
        Assert.True(await page.GetByLabel("Private notebooks").EvaluateAsync<bool>("box => box === document.activeElement"));
    }

    [Fact]
    public async Task The_filter_fold_works_without_javascript_and_is_open_on_wide_screens()
    {
        var context = await fixture.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl,
            ViewportSize = new ViewportSize { Width = PhoneWidth, Height = 812 },
            JavaScriptEnabled = false,
        });
        var phone = await context.NewPageAsync();
        await phone.GotoAsync("/");
        Assert.False(await phone.Locator("#filter-q").IsVisibleAsync());
        await phone.Locator("[data-testid=filters-summary]").ClickAsync();
        Assert.True(await phone.Locator("#filter-q").IsVisibleAsync());
        await phone.Locator("#filter-q").FillAsync("kaggle");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await phone.WaitForURLAsync(new Regex(@"\?q=kaggle&"));
        Assert.Equal("Filters (1)", (await phone.Locator("[data-testid=filters-summary]").InnerTextAsync()).Trim());

        var desktop = await fixture.NewPageAsync();
        await desktop.GotoAsync("/");
        Assert.True(await desktop.Locator("#filter-q").IsVisibleAsync());
        Assert.False(await desktop.Locator("[data-testid=filters-summary]").IsVisibleAsync());
        await context.DisposeAsync();
    }

    [Fact]
    public async Task A_480_character_word_in_catalog_text_breaks_instead_of_widening_the_pages()
    {
        var word = string.Concat(Enumerable.Repeat("Unbreakable", 44))[..480];
        var editor = fixture.Services.GetRequiredService<CatalogEditor>();
        var admin = new Actor("layout-test-admin", "layout@example.org");
        var gradient = (await editor.GetForEditAsync("gradient"))!;
        gradient.Summary = word;
        gradient.StorageNote = word;
        gradient.Cons = [.. gradient.Cons, word];
        var saved = Assert.IsType<EditResult.Success>(await editor.UpdateAsync(new PlatformChangeRequest(
            gradient, new ChangeEvidence { EvidenceUrl = "https://example.org/long-word", Note = "Layout test." }, admin)));

        try
        {
            foreach (var width in new[] { PhoneWidth, 1400 })
            {
                var page = await fixture.NewPageAsync(width: width, height: 900);
                foreach (var url in new[] { "/", "/platforms/gradient", "/compare?p=gradient,kaggle" })
                {
                    await page.GotoAsync(url);
                    Assert.Contains(word[..40], await page.ContentAsync());
                    var pageWidth = await PageWidthAsync(page);
                    Assert.True(pageWidth <= width, $"{url} is {pageWidth} px wide on a {width} px screen");
                }

                await page.GotoAsync("/");
                var storage = page.Locator("tr[data-platform=gradient] td[data-column=storage]");
                var cellWidth = (await storage.BoundingBoxAsync())!.Width;
                Assert.True(cellWidth < 400, $"the storage cell is {cellWidth:0} px wide");
            }
        }
        finally
        {
            Assert.IsType<EditResult.Success>(await editor.RevertAsync(saved.ChangeId, admin, confirmFieldsChangedSince: true));
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/platforms/colab")]
    [InlineData("/Account/Login")]
    [InlineData("/admin")]
    public async Task Every_page_names_an_icon_that_exists(string url)
    {
        var page = await fixture.NewPageAsync();
        var failed = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failed.Add($"{response.Status} {response.Url}");
            }
        };
        await page.GotoAsync(url);

        var icons = await page.Locator("link[rel=icon]").EvaluateAllAsync<string[]>("links => links.map(l => l.href)");
        Assert.Contains(icons, i => i.EndsWith("favicon.svg", StringComparison.Ordinal));
        Assert.Contains(icons, i => i.EndsWith("favicon.ico", StringComparison.Ordinal));
        foreach (var icon in icons)
        {
            var response = await page.APIRequest.GetAsync(icon);
            Assert.Equal(200, response.Status);
            Assert.StartsWith("image/", response.Headers["content-type"], StringComparison.Ordinal);
        }

        var root = await page.APIRequest.GetAsync("/favicon.ico"); // what a browser asks for by itself
        Assert.Equal(200, root.Status);
        Assert.Empty(failed);
    }
}
