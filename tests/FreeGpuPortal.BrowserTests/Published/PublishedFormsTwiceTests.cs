using System.Text.RegularExpressions;

using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.HardwareReports;

using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace FreeGpuPortal.BrowserTests.Published;

/// <summary>
/// Every form tried twice (a double click), its result page reloaded, and submitted again from a stale tab, on the
/// published build in Production: nothing is done twice, nothing typed is lost, and no request answers 500.
/// </summary>
[Collection(PublishedFormsCollection.Name)]
public sealed class PublishedFormsTwiceTests(PublishedFormsFixture portal)
{
    private const string Evidence = "https://example.org/terms-read-today";

    private Task<int> ReportCountAsync(string slug, ReportStatus? status = null) =>
        portal.ReadCatalogAsync(db => db.SubmittedReports.CountAsync(r => r.Platform!.Slug == slug && (status == null || r.Status == status)));

    private Task<int> ChangeCountAsync(string slug, ChangeKind kind) =>
        portal.ReadCatalogAsync(db => db.CatalogChanges.CountAsync(c => c.Platform!.Slug == slug && c.Kind == kind));

    private static ILocator Field(IPage page, string path) => page.Locator($"#f-{path.Replace('.', '-')}");

    private static async Task FillAsync(IPage page, string path, string value)
    {
        await Field(page, path).FillAsync(value);
        await Field(page, path).PressAsync("Tab");
    }

    [Fact]
    public async Task The_report_form_double_clicked_reloaded_and_saved_again_from_a_stale_tab_stores_one_report()
    {
        var paste = PublishedFormsFixture.ReportPaste("nvidia-smi/t4-colab-550.54.15-empty-processes.txt");
        var before = await ReportCountAsync("colab");
        var stale = await portal.NewPageAsync();
        var staleErrors = PageConditions.ServerErrors(stale);
        await PublishedFormsFixture.CheckedReportAsync(stale, "colab", paste); // a second tab, checked and left open
        var page = await portal.NewPageAsync();
        var errors = PageConditions.ServerErrors(page);
        await PublishedFormsFixture.CheckedReportAsync(page, "colab", paste);

        await page.Locator("[data-testid=report-save]").DblClickAsync();
        await page.WaitForURLAsync(new Regex("/platforms/colab/report/thanks$"));
        var reload = await page.ReloadAsync();
        await PublishedFormsFixture.SaveReportAsync(stale, "colab");

        Assert.Equal("GET", reload!.Request.Method);
        Assert.Equal(200, reload.Status);
        Assert.Contains("after an admin has reviewed it", await page.Locator("[data-testid=report-thanks]").InnerTextAsync());
        Assert.Contains("after an admin has reviewed it", await stale.Locator("[data-testid=report-thanks]").InnerTextAsync());
        Assert.Equal(before + 1, await ReportCountAsync("colab"));

        // A double click on Check, then the paste changed after the check: Save asks for a new check, keeps the text,
        // and stores nothing.
        await page.GotoAsync("/platforms/colab/report");
        await page.Locator("#report-text").FillAsync(paste);
        await page.Locator("[data-testid=report-check]").DblClickAsync();
        await page.Locator("[data-testid=report-save]").WaitForAsync();
        var changed = paste + "\nextra line typed after the check";
        await page.Locator("#report-text").FillAsync(changed);
        await page.Locator("[data-testid=report-save]").ClickAsync();
        await page.Locator("[data-testid=report-notice]").WaitForAsync();
        Assert.Equal(changed, (await page.Locator("#report-text").InputValueAsync()).Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(before + 1, await ReportCountAsync("colab"));
        Assert.Empty(errors.Concat(staleErrors));
    }

    [Fact]
    public async Task A_double_click_on_approve_approves_that_report_only_and_the_next_one_stays_pending()
    {
        foreach (var fixture in new[] { "nvidia-smi/p100-kaggle-560.35.03-empty-processes.txt", "nvidia-smi/t4-colab-525.105.17-empty-processes.txt" })
        {
            var reporter = await portal.NewPageAsync();
            await PublishedFormsFixture.CheckedReportAsync(reporter, "gradient", PublishedFormsFixture.ReportPaste(fixture));
            await PublishedFormsFixture.SaveReportAsync(reporter, "gradient");
        }

        var pending = await portal.ReadCatalogAsync(db => db.SubmittedReports
            .Where(r => r.Platform!.Slug == "gradient" && r.Status == ReportStatus.Pending)
            .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync());
        Assert.True(pending.Count >= 2, $"{pending.Count} pending reports");
        var approvedBefore = await ReportCountAsync("gradient", ReportStatus.Approved);
        var page = await portal.NewPageAsync();
        var errors = PageConditions.ServerErrors(page);
        await portal.SignInAdminAsync(page, PublishedFormsFixture.AdminEmail);
        await page.GotoAsync("/admin/reports");
        await PublishedFormsFixture.WaitUntilInteractiveAsync(page);

        // The first card's Approve, double-clicked, and clicked once more at the same spot after it acted: a list that
        // moved up would put the next report's Approve under the pointer.
        var card = page.Locator($"article[data-report-id='{pending[0]}']");
        var approve = card.Locator("[data-testid=approve]");
        await approve.ScrollIntoViewIfNeededAsync();
        var box = (await approve.BoundingBoxAsync())!;
        await page.Mouse.DblClickAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await Assertions.Expect(card).ToHaveAttributeAsync("data-outcome", "Approved");
        await page.Mouse.ClickAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await Task.Delay(500);

        Assert.Equal(approvedBefore + 1, await ReportCountAsync("gradient", ReportStatus.Approved));
        var statuses = await portal.ReadCatalogAsync(db => db.SubmittedReports
            .Where(r => pending.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Status));
        Assert.Equal(ReportStatus.Approved, statuses[pending[0]]);
        Assert.All(pending.Skip(1), id => Assert.Equal(ReportStatus.Pending, statuses[id]));

        // Reloaded, the page says the same: one approved, the next still waiting.
        await page.ReloadAsync();
        await PublishedFormsFixture.WaitUntilInteractiveAsync(page);
        Assert.Equal(1, await page.Locator($"[data-approved-id='{pending[0]}']").CountAsync());
        Assert.Equal(0, await page.Locator($"article[data-report-id='{pending[0]}']").CountAsync());
        Assert.Equal(1, await page.Locator($"article[data-report-id='{pending[1]}']").CountAsync());
        Assert.Equal(0, await page.Locator($"[data-approved-id='{pending[1]}']").CountAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_edit_form_double_clicked_reloaded_and_saved_from_a_stale_tab_records_each_change_once_and_loses_nothing()
    {
        var edits = await ChangeCountAsync("colab", ChangeKind.Edit);
        var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = PageConditions.ServerErrors(page);
        await portal.SignInAdminAsync(page, PublishedFormsFixture.AdminEmail);
        var stale = await context.NewPageAsync(); // opened before the other tab's save
        var staleErrors = PageConditions.ServerErrors(stale);
        await PublishedFormsFixture.OpenEditAsync(stale, "colab", "general");
        await PublishedFormsFixture.OpenEditAsync(page, "colab", "MaxSessionHours");

        await FillAsync(page, "MaxSessionHours.Min", "11");
        await FillAsync(page, "MaxSessionHours.Max", "11");
        await FillAsync(page, "Evidence.EvidenceUrl", Evidence);
        await page.Locator("[data-testid=save]").DblClickAsync();
        await page.WaitForURLAsync(new Regex(@"/admin/platforms/colab/history\?saved=\d+$"));
        var reload = await page.ReloadAsync();
        Assert.Equal(200, reload!.Status);
        await page.Locator("[data-testid=saved-message]").WaitForAsync();
        Assert.Equal(edits + 1, await ChangeCountAsync("colab", ChangeKind.Edit));
        Assert.Equal("11", await portal.PublicValueAsync("colab", "maxSessionHours.min"));

        // The stale tab changes another field: the other save is taken over and shown, its own input kept; a second
        // Save then records it, without putting the old session length back.
        await FillAsync(stale, "Vendor", "Google LLC");
        await FillAsync(stale, "Evidence.EvidenceUrl", Evidence + "#vendor");
        await stale.Locator("[data-testid=save]").ClickAsync();
        await stale.Locator("[data-testid=conflict]").WaitForAsync();
        Assert.Equal("Google LLC", await Field(stale, "Vendor").InputValueAsync());
        Assert.Equal(edits + 1, await ChangeCountAsync("colab", ChangeKind.Edit));
        await stale.Locator("[data-testid=save]").DblClickAsync();
        await stale.WaitForURLAsync(new Regex(@"/admin/platforms/colab/history\?saved=\d+$"));

        Assert.Equal(edits + 2, await ChangeCountAsync("colab", ChangeKind.Edit));
        Assert.Equal("Google LLC", await portal.PublicValueAsync("colab", "vendor"));
        Assert.Equal("11", await portal.PublicValueAsync("colab", "maxSessionHours.min"));
        Assert.Empty(errors.Concat(staleErrors));
    }

    [Fact]
    public async Task Verifying_double_clicked_records_one_verification_and_a_stale_row_is_not_verified_unseen()
    {
        var verifications = await ChangeCountAsync("gradient", ChangeKind.Verify);
        var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = PageConditions.ServerErrors(page);
        await portal.SignInAdminAsync(page, PublishedFormsFixture.AdminEmail);
        var stale = await context.NewPageAsync();
        await stale.GotoAsync("/admin");
        await PublishedFormsFixture.WaitUntilInteractiveAsync(stale);

        var row = page.Locator("tr[data-platform=gradient]");
        await row.Locator("[data-testid=verify]").ClickAsync();
        await Field(page, "Evidence.EvidenceUrl").FillAsync(Evidence);
        await Field(page, "Evidence.EvidenceUrl").PressAsync("Tab");
        await page.Locator("[data-testid=confirm-verify]").DblClickAsync();
        await Assertions.Expect(row).ToHaveAttributeAsync("data-stale", "false");
        await page.ReloadAsync();
        await PublishedFormsFixture.WaitUntilInteractiveAsync(page);
        Assert.Equal(verifications + 1, await ChangeCountAsync("gradient", ChangeKind.Verify));

        // The stale tab still shows the row as it was: verifying from it says the platform changed meanwhile.
        var staleRow = stale.Locator("tr[data-platform=gradient]");
        await staleRow.Locator("[data-testid=verify]").ClickAsync();
        await Field(stale, "Evidence.EvidenceUrl").FillAsync(Evidence + "#again");
        await Field(stale, "Evidence.EvidenceUrl").PressAsync("Tab");
        await stale.Locator("[data-testid=confirm-verify]").ClickAsync();
        await Assertions.Expect(stale.Locator("[data-testid=admin-message]")).ToContainTextAsync("changed by someone else meanwhile");
        Assert.Equal(verifications + 1, await ChangeCountAsync("gradient", ChangeKind.Verify));
        Assert.Empty(errors);
    }
}
