using System.Globalization;
using System.Text.RegularExpressions;

using Deque.AxeCore.Playwright;

using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Components.Pages.Platforms;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FreeGpuPortal.BrowserTests;

/// <summary>
/// A platform's history longer than one page, as a visitor meets it: the platform page shows the newest changes with a
/// pager, "Older" goes to the next page and lands on the history's heading, Back returns, and a reload shows the same
/// page; on a 375 px phone in the dark the pager stays inside the screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HistoryPagingBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_long_history_pages_on_the_platform_page_and_older_pages_keep_their_address()
    {
        var editor = fixture.Services.GetRequiredService<CatalogEditor>();
        var admin = new Actor("paging-test-admin", "paging@example.org");
        var vendor = (await editor.GetForEditAsync("gradient"))!.Vendor;
        for (var save = 1; save <= PlatformHistory.PageSize + 1; save++)
        {
            await SaveVendorAsync(editor, admin, "Paging test vendor " + save.ToString(CultureInfo.InvariantCulture));
        }

        try
        {
            var page = await fixture.NewPageAsync();
            await page.GotoAsync("/platforms/gradient");
            var entries = page.Locator("[data-testid=platform-history] .history-entry");
            Assert.Equal(PlatformHistory.PageSize, await entries.CountAsync());
            Assert.Contains("Paging test vendor 21", await entries.First.InnerTextAsync());
            var pager = page.Locator("[data-testid=platform-history] [data-testid=history-pager]");
            Assert.Equal("1", await pager.Locator("[aria-current=page]").InnerTextAsync());
            await page.Locator("[data-testid=platform-history]").ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("history-pager-desktop.png") });

            await pager.GetByRole(AriaRole.Link, new() { Name = "Older" }).ClickAsync();
            await page.WaitForURLAsync(new Regex(@"/platforms/gradient\?historyPage=2#history-heading$"));
            await Assertions.Expect(pager.Locator("[aria-current=page]")).ToHaveTextAsync("2");
            var older = await page.Locator("[data-testid=platform-history]").InnerTextAsync();
            Assert.DoesNotContain("Paging test vendor 21", older);
            Assert.Contains("Paging test vendor 1", older);
            Assert.Equal(1, await page.Locator("[data-testid=platform-history] [data-kind=Seed]").CountAsync());
            Assert.True(await page.Locator("#history-heading").IsVisibleAsync());
            var headingTop = await page.Locator("#history-heading").EvaluateAsync<double>("e => e.getBoundingClientRect().top");
            Assert.True(headingTop is >= -1 and < 400, $"the history's heading is at {headingTop:0} px after going to page 2");
            var onSecondPage = await entries.CountAsync();

            await page.ReloadAsync();
            Assert.Equal(onSecondPage, await entries.CountAsync());
            Assert.Equal("2", await pager.Locator("[aria-current=page]").InnerTextAsync());
            var axe = await page.RunAxe();
            Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id));

            await page.GoBackAsync();
            await page.WaitForURLAsync(new Regex(@"/platforms/gradient$"));
            await Assertions.Expect(pager.Locator("[aria-current=page]")).ToHaveTextAsync("1");

            var phone = await fixture.NewPageAsync(width: 375, height: 812, colorScheme: ColorScheme.Dark);
            await phone.GotoAsync("/platforms/gradient?historyPage=2");
            var phonePager = phone.Locator("[data-testid=platform-history] [data-testid=history-pager]");
            var box = (await phonePager.BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= 375, $"the pager spans {box.X:0}–{box.X + box.Width:0} px on a 375 px screen");
            Assert.True(await phone.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 375);
            await phone.Locator("[data-testid=platform-history]").ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("history-pager-phone-dark.png") });
            await phone.Context.DisposeAsync();
            await page.Context.DisposeAsync();
        }
        finally
        {
            await SaveVendorAsync(editor, admin, vendor);
        }
    }

    private static async Task SaveVendorAsync(CatalogEditor editor, Actor admin, string? vendor)
    {
        var gradient = (await editor.GetForEditAsync("gradient"))!;
        gradient.Vendor = vendor;
        Assert.IsType<EditResult.Success>(await editor.UpdateAsync(new PlatformChangeRequest(gradient, ChangeEvidence.None, admin)));
    }
}
