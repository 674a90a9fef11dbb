using System.Text.RegularExpressions;

using FreeGpuPortal.Web.HardwareReports;

using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace FreeGpuPortal.BrowserTests.Published;

/// <summary>
/// The moderation actions and the new-platform form tried twice, reloaded and used from a stale tab, on the published
/// build in Production with two-factor sign-in: each acts once, on what it names, and a stale tab never undoes or
/// repeats what another tab did.
/// </summary>
[Collection(PublishedFormsCollection.Name)]
public sealed class PublishedModerationFormsTests(PublishedFormsFixture portal)
{
    private Task<Dictionary<int, ReportStatus>> StatusesAsync(IReadOnlyCollection<int> ids) =>
        portal.ReadCatalogAsync(db => db.SubmittedReports.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Status));

    private Task<int> ChangeCountAsync(string slug) =>
        portal.ReadCatalogAsync(db => db.CatalogChanges.CountAsync(c => c.Platform!.Slug == slug));

    /// <summary>Submits each paste as a report on <paramref name="slug"/>; returns the new reports' ids, oldest first.</summary>
    private async Task<List<int>> SubmitReportsAsync(string slug, params string[] fixtures)
    {
        var last = await portal.ReadCatalogAsync(db => db.SubmittedReports.MaxAsync(r => (int?)r.Id)) ?? 0;
        var reporter = await portal.NewPageAsync();
        foreach (var fixture in fixtures)
        {
            await PublishedFormsFixture.CheckedReportAsync(reporter, slug, PublishedFormsFixture.ReportPaste(fixture));
            await PublishedFormsFixture.SaveReportAsync(reporter, slug);
        }

        await reporter.CloseAsync();
        return await portal.ReadCatalogAsync(db => db.SubmittedReports
            .Where(r => r.Id > last && r.Platform!.Slug == slug).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync());
    }

    private static async Task OpenModerationAsync(IPage page)
    {
        await page.GotoAsync("/admin/reports");
        await PublishedFormsFixture.WaitUntilInteractiveAsync(page);
    }

    private static ILocator CardMessage(IPage page, string card) => page.Locator(card).Locator("[data-testid=card-message]");

    [Fact]
    public async Task A_double_click_on_reject_rejects_that_report_only_and_a_stale_tab_cannot_reject_an_approved_one()
    {
        var ids = await SubmitReportsAsync(
            "kaggle",
            "nvidia-smi/p100-kaggle-560.35.03-empty-processes.txt",
            "nvidia-smi/t4-colab-525.105.17-empty-processes.txt",
            "nvidia-smi/t4-colab-550.54.15-empty-processes.txt");
        Assert.Equal(3, ids.Count);
        var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = PageConditions.ServerErrors(page);
        await portal.SignInAdminAsync(page, PublishedFormsFixture.AdminEmail);
        var stale = await context.NewPageAsync(); // the same queue, opened before anything was moderated
        var staleErrors = PageConditions.ServerErrors(stale);
        await OpenModerationAsync(stale);
        await OpenModerationAsync(page);

        // Reject double-clicked, then clicked once more at the same spot: only that report is rejected.
        var card = page.Locator($"article[data-report-id='{ids[0]}']");
        var reject = card.Locator("[data-testid=reject]");
        await reject.ScrollIntoViewIfNeededAsync();
        var box = (await reject.BoundingBoxAsync())!;
        await page.Mouse.DblClickAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await Assertions.Expect(card).ToHaveAttributeAsync("data-outcome", "Rejected");
        await page.Mouse.ClickAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await Assertions.Expect(CardMessage(page, $"article[data-report-id='{ids[0]}']")).ToContainTextAsync($"Report #{ids[0]}");
        var statuses = await StatusesAsync(ids);
        Assert.Equal([ReportStatus.Rejected, ReportStatus.Pending, ReportStatus.Pending], ids.Select(id => statuses[id]));

        // The next one approved here; reloaded, the page shows the rejected report nowhere and the approved one approved.
        await page.Locator($"article[data-report-id='{ids[1]}'] [data-testid=approve]").ClickAsync();
        await Assertions.Expect(page.Locator($"article[data-report-id='{ids[1]}']")).ToHaveAttributeAsync("data-outcome", "Approved");
        var reload = await page.ReloadAsync();
        Assert.Equal(200, reload!.Status);
        await PublishedFormsFixture.WaitUntilInteractiveAsync(page);
        Assert.Equal(0, await page.Locator($"[data-report-id='{ids[0]}'], [data-approved-id='{ids[0]}']").CountAsync());
        Assert.Equal(0, await page.Locator($"article[data-report-id='{ids[1]}']").CountAsync());
        Assert.Equal(1, await page.Locator($"[data-approved-id='{ids[1]}']").CountAsync());
        Assert.Equal(1, await page.Locator($"article[data-report-id='{ids[2]}']").CountAsync());

        // The stale tab still lists both as pending. Rejecting the approved one says it was approved meanwhile and
        // changes nothing; rejecting the rejected one says it was done already.
        var staleApproved = $"article[data-report-id='{ids[1]}']";
        await stale.Locator($"{staleApproved} [data-testid=reject]").ClickAsync();
        await Assertions.Expect(CardMessage(stale, staleApproved)).ToContainTextAsync($"Report #{ids[1]} was approved meanwhile");
        await Assertions.Expect(stale.Locator(staleApproved)).ToHaveAttributeAsync("data-outcome", "Approved");
        var staleRejected = $"article[data-report-id='{ids[0]}']";
        await stale.Locator($"{staleRejected} [data-testid=reject]").ClickAsync();
        await Assertions.Expect(CardMessage(stale, staleRejected)).ToContainTextAsync($"Report #{ids[0]} was rejected already");
        // And approving the rejected one from the stale tab does not bring it back either.
        await stale.Locator($"{staleRejected} [data-testid=approve]").ClickAsync();
        await Assertions.Expect(CardMessage(stale, staleRejected)).ToContainTextAsync($"Report #{ids[0]} was rejected meanwhile");

        statuses = await StatusesAsync(ids);
        Assert.Equal([ReportStatus.Rejected, ReportStatus.Approved, ReportStatus.Pending], ids.Select(id => statuses[id]));
        Assert.Empty(errors.Concat(staleErrors));
    }

    [Fact]
    public async Task Applying_a_report_double_clicked_and_again_from_a_stale_tab_records_one_change()
    {
        var ids = await SubmitReportsAsync("kaggle", "lscpu/amd-threadripper-128cpu-2.37-flags-elided.txt");
        var id = Assert.Single(ids);
        var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = PageConditions.ServerErrors(page);
        await portal.SignInAdminAsync(page, PublishedFormsFixture.AdminEmail);
        await OpenModerationAsync(page);
        await page.Locator($"article[data-report-id='{id}'] [data-testid=approve]").ClickAsync();
        await page.Locator($"[data-approved-id='{id}'] [data-testid=propose]").WaitForAsync();

        var stale = await context.NewPageAsync(); // the same proposal, opened in a second tab before the apply
        var staleErrors = PageConditions.ServerErrors(stale);
        await OpenModerationAsync(stale);
        await stale.Locator($"[data-approved-id='{id}'] [data-testid=propose]").ClickAsync();
        await stale.Locator($"[data-approved-id='{id}'] [data-testid=apply]").WaitForAsync();

        var changes = await ChangeCountAsync("kaggle");
        await page.Locator($"[data-approved-id='{id}'] [data-testid=propose]").ClickAsync();
        var apply = page.Locator($"[data-approved-id='{id}'] [data-testid=apply]");
        await apply.DblClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=reports-message]")).ToContainTextAsync($"Report #{id} applied to the catalog as change");
        await Assertions.Expect(page.Locator($"[data-approved-id='{id}'] [data-testid=applied]")).ToBeVisibleAsync();
        Assert.Equal(changes + 1, await ChangeCountAsync("kaggle"));
        Assert.Equal("128", await portal.PublicValueAsync("kaggle", "cpuCount.min"));

        var reload = await page.ReloadAsync();
        Assert.Equal(200, reload!.Status);
        await PublishedFormsFixture.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator($"[data-approved-id='{id}'] [data-testid=applied]")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator($"[data-approved-id='{id}'] [data-testid=propose]").CountAsync());

        await stale.Locator($"[data-approved-id='{id}'] [data-testid=apply]").ClickAsync();
        await Assertions.Expect(stale.Locator("[data-testid=reports-message]")).ToContainTextAsync("This report was applied already.");
        Assert.Equal(changes + 1, await ChangeCountAsync("kaggle"));
        var appliedChange = await portal.ReadCatalogAsync(db => db.SubmittedReports.Where(r => r.Id == id).Select(r => r.AppliedChangeId).SingleAsync());
        Assert.NotNull(appliedChange);
        Assert.Empty(errors.Concat(staleErrors));
    }

    [Fact]
    public async Task The_new_platform_form_double_clicked_and_reloaded_creates_one_platform_and_a_stale_tab_is_told_the_slug_is_taken()
    {
        const string Slug = "twice-clicked-cloud";
        var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = PageConditions.ServerErrors(page);
        await portal.SignInAdminAsync(page, PublishedFormsFixture.AdminEmail);
        var stale = await context.NewPageAsync();
        var staleErrors = PageConditions.ServerErrors(stale);
        await OpenNewPlatformAsync(stale);
        await OpenNewPlatformAsync(page);

        await FillAsync(page, "Slug", Slug);
        await FillAsync(page, "Name", "Twice Clicked Cloud");
        await FillAsync(page, "Evidence.EvidenceUrl", "https://example.org/twice-clicked-cloud");
        await page.Locator("[data-testid=save]").DblClickAsync();
        await page.WaitForURLAsync(new Regex($@"/admin/platforms/{Slug}/history\?saved=\d+$"));
        var reload = await page.ReloadAsync();
        Assert.Equal(200, reload!.Status);
        Assert.Equal("GET", reload.Request.Method);
        Assert.Equal(1, await PlatformCountAsync(Slug));
        Assert.Equal(1, await ChangeCountAsync(Slug));

        // The stale tab, opened before the save, sends the same slug: it is told why, and keeps what was typed.
        await FillAsync(stale, "Slug", Slug);
        await FillAsync(stale, "Name", "Twice Clicked Cloud, typed again");
        await FillAsync(stale, "Evidence.EvidenceUrl", "https://example.org/twice-clicked-cloud#again");
        await stale.Locator("[data-testid=save]").ClickAsync();
        await Assertions.Expect(stale.Locator("[data-testid=platform-form]")).ToContainTextAsync($"The slug “{Slug}” is already in use.");
        Assert.Matches(new Regex("/admin/platforms/new$"), stale.Url);
        Assert.Equal(Slug, await Field(stale, "Slug").InputValueAsync());
        Assert.Equal("Twice Clicked Cloud, typed again", await Field(stale, "Name").InputValueAsync());
        Assert.Equal(1, await PlatformCountAsync(Slug));
        Assert.Equal(1, await ChangeCountAsync(Slug));
        Assert.Empty(errors.Concat(staleErrors));
    }

    private Task<int> PlatformCountAsync(string slug) => portal.ReadCatalogAsync(db => db.Platforms.CountAsync(p => p.Slug == slug));

    private static async Task OpenNewPlatformAsync(IPage page)
    {
        await page.GotoAsync("/admin/platforms/new");
        await PublishedFormsFixture.WaitUntilInteractiveAsync(page);
        await page.Locator("[data-testid=platform-form]").WaitForAsync();
    }

    private static ILocator Field(IPage page, string path) => page.Locator($"#f-{path.Replace('.', '-')}");

    private static async Task FillAsync(IPage page, string path, string value)
    {
        await Field(page, path).FillAsync(value);
        await Field(page, path).PressAsync("Tab");
    }
}
