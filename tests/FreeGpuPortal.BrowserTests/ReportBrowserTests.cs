using System.Text.RegularExpressions;

using Deque.AxeCore.Playwright;

using FreeGpuPortal.Web.Data;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FreeGpuPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ReportBrowserTests(BrowserFixture fixture)
{
    private static string Fixture(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "tests", "fixtures", "hardware-reports", relativePath);
            if (File.Exists(path))
            {
                return File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
            }
        }

        throw new FileNotFoundException(relativePath);
    }

    [Fact]
    public async Task Paste_a_real_colab_t4_output_check_it_see_the_gpu_before_saving_then_save()
    {
        var paste = Fixture("nvidia-smi/t4-colab-550.54.15-empty-processes.txt");
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/platforms/colab");

        await page.GetByRole(AriaRole.Link, new() { Name = "Report what you got" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/platforms/colab/report$"));
        await page.GetByLabel("Pasted output of nvidia-smi, lscpu and cat /proc/meminfo").FillAsync(paste);
        Assert.Equal(0, await page.Locator("[data-testid=report-save]").CountAsync()); // nothing to save before a check
        await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();

        var preview = page.Locator("[data-testid=report-preview]");
        await preview.WaitForAsync();
        var gpu = preview.Locator("[data-testid=value-gpu]");
        Assert.Equal(1, await gpu.CountAsync());
        Assert.Contains("Tesla T4", await gpu.InnerTextAsync());
        Assert.Contains("15360 MiB", await gpu.InnerTextAsync());
        Assert.Equal("550.54.15", (await preview.Locator("[data-testid=value-driver]").InnerTextAsync()).Trim());
        Assert.Equal("12.4", (await preview.Locator("[data-testid=value-cuda]").InnerTextAsync()).Trim());
        Assert.Equal(paste, await page.Locator("#report-text").InputValueAsync()); // the paste is still in the form
        var honeypot = await page.Locator("#report-website").BoundingBoxAsync();
        Assert.True(honeypot is null || honeypot.X + honeypot.Width <= 0, "the honeypot field is off screen");
        Assert.Equal("-1", await page.Locator("#report-website").GetAttributeAsync("tabindex"));
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("report-check.png"), FullPage = true });
        var axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id));

        await page.GetByRole(AriaRole.Button, new() { Name = "Save report" }).ClickAsync();

        var thanks = page.Locator("[data-testid=report-thanks]");
        await thanks.WaitForAsync();
        Assert.Contains("after an admin has reviewed it", await thanks.InnerTextAsync());
    }

    private async Task<int> ReportCountAsync(string slug)
    {
        var contexts = fixture.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.SubmittedReports.CountAsync(r => r.Platform!.Slug == slug);
    }

    private static async Task CheckedAsync(IPage page, string slug, string paste)
    {
        await page.GotoAsync($"/platforms/{slug}/report");
        await page.GetByLabel("Pasted output of nvidia-smi, lscpu and cat /proc/meminfo").FillAsync(paste);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        await page.Locator("[data-testid=report-save]").WaitForAsync();
    }

    [Fact]
    public async Task Reloading_the_thank_you_page_and_saving_again_from_a_stale_tab_store_one_report()
    {
        var paste = Fixture("nvidia-smi/t4-colab-525.105.17-empty-processes.txt");
        var before = await ReportCountAsync("gradient");
        var stale = await fixture.NewPageAsync();
        await CheckedAsync(stale, "gradient", paste); // a second tab, checked and left open
        var page = await fixture.NewPageAsync();
        await CheckedAsync(page, "gradient", paste);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save report" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/platforms/gradient/report/thanks$"));
        var reload = await page.ReloadAsync();
        await stale.GetByRole(AriaRole.Button, new() { Name = "Save report" }).ClickAsync();
        await stale.WaitForURLAsync(new Regex("/platforms/gradient/report/thanks$"));

        Assert.Equal("GET", reload!.Request.Method); // the reload repeats the redirect's GET, not the form's POST
        Assert.Contains("after an admin has reviewed it", await page.Locator("[data-testid=report-thanks]").InnerTextAsync());
        Assert.Contains("after an admin has reviewed it", await stale.Locator("[data-testid=report-thanks]").InnerTextAsync());
        Assert.Equal(before + 1, await ReportCountAsync("gradient"));
    }
}
