using Bunit;

using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Components.Pages.Admin;
using FreeGpuPortal.Web.HardwareReports;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.Tests.HardwareReportsWeb;

/// <summary>
/// The interactive moderation page: queue, approve, reject, and apply to the catalog with a choice of values, for a
/// real admin account whose authority each action checks as it acts.
/// </summary>
public sealed class ReportsModerationTests : FreeGpuPortal.Tests.Admin.AdminComponentTest
{
    private ReportSubmissions Submissions => Services.GetRequiredService<ReportSubmissions>();

    private DateOnly Today => DateOnly.FromDateTime(Catalog.Clock.GetUtcNow().UtcDateTime);

    private async Task<SubmittedReport> StoredAsync(int id)
    {
        await using var db = await Catalog.ContextFactory.CreateDbContextAsync();
        return await db.SubmittedReports.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    [Fact]
    public async Task The_admin_navigation_counts_pending_reports_as_it_counts_pending_suggestions()
    {
        var nav = Render<FreeGpuPortal.Web.Components.Admin.AdminNav>();
        nav.WaitForElement("[data-testid=nav-reports]", Wait);
        Assert.Empty(nav.FindAll("[data-testid=nav-reports-count]")); // none pending: no count
        await DisposeComponentsAsync();

        await Submissions.SubmitAsync("colab", ReportTestData.ColabSession, Today);
        var decided = await Submissions.SubmitAsync("gradient", ReportTestData.ColabT4, Today);
        await Submissions.SubmitAsync("kaggle", ReportTestData.ColabT4, Today);
        await Services.GetRequiredService<ReportModeration>().RejectAsync(decided, new("a", "a@example.org"));

        nav = Render<FreeGpuPortal.Web.Components.Admin.AdminNav>();
        Assert.Equal("(2)", nav.WaitForElement("[data-testid=nav-reports-count]", Wait).TextContent.Trim());
        Assert.Equal("admin/reports", nav.Find("[data-testid=nav-reports]").GetAttribute("href"));
    }

    [Fact]
    public async Task The_queue_shows_parsed_values_beside_the_raw_text_as_text_and_approves_and_rejects()
    {
        var hostile = await Submissions.SubmitAsync("colab", "<script>alert(1)</script>\n" + ReportTestData.ColabSession, Today, "<img src=x onerror=alert(2)>");
        var spam = await Submissions.SubmitAsync("gradient", ReportTestData.ColabT4, Today);

        var page = Render<ReportsModeration>();
        var card = page.WaitForElement($"[data-report-id='{hostile}']", Wait);

        Assert.Contains("Report #" + hostile + " · Google Colab · session 2026-05-04", card.TextContent);
        Assert.Contains("Tesla T4", card.QuerySelector("[data-testid=report-values]")!.TextContent);
        Assert.Contains("15360 MiB", card.QuerySelector("[data-testid=report-values]")!.TextContent);
        Assert.Contains("13.6 GB (MemTotal 13,290,452 KiB)", card.QuerySelector("[data-testid=report-values]")!.TextContent);
        Assert.StartsWith("<script>alert(1)</script>", card.QuerySelector("pre[data-testid=report-raw]")!.TextContent);
        Assert.Equal("<img src=x onerror=alert(2)>", card.QuerySelector("[data-testid=report-note]")!.TextContent);
        Assert.Empty(page.FindAll("script"));
        Assert.Empty(page.FindAll("img"));

        card.QuerySelector("[data-testid=approve]")!.Click();
        page.WaitForElement($"[data-approved-id='{hostile}']", Wait);
        page.Find($"[data-report-id='{spam}'] [data-testid=reject]").Click();
        // The card stays where it was, marked, so a second click cannot land on another report.
        page.WaitForElement($"[data-report-id='{spam}'][data-outcome='Rejected']", Wait);

        Assert.Contains($"Report #{spam} rejected.", page.Find($"[data-report-id='{spam}'] [data-testid=card-message]").TextContent);
        var approved = await StoredAsync(hostile);
        Assert.Equal(ReportStatus.Approved, approved.Status);
        Assert.Equal(AdminUserId, approved.ModeratedByUserId);
        Assert.Equal(AdminEmail, approved.ModeratedByName);
        Assert.NotNull(approved.ModeratedAtUtc);
        Assert.Equal(ReportStatus.Rejected, (await StoredAsync(spam)).Status);
    }

    [Fact]
    public async Task Apply_to_catalog_shows_what_would_change_and_saves_only_the_chosen_values_as_an_audited_change()
    {
        var id = await Submissions.SubmitAsync("colab", ReportTestData.ColabSession, Today.AddDays(-1));
        await Services.GetRequiredService<ReportModeration>().ApproveAsync(id, new("other-admin", "other@example.org"));
        var page = Render<ReportsModeration>();

        page.WaitForElement($"[data-approved-id='{id}'] [data-testid=propose]", Wait).Click();

        var proposal = page.WaitForElement("[data-testid=proposal]", Wait);
        // Colab states 13 GB and "Intel Xeon 2.3 GHz"; it lists the T4 and 2 CPUs already.
        var keys = proposal.QuerySelectorAll("input[type=checkbox]").Select(c => c.GetAttribute("data-key")).ToList();
        Assert.Equal(["RamGb", "CpuModel"], keys);
        Assert.Contains("13 GB", proposal.TextContent);
        Assert.Contains("13.6 GB", proposal.TextContent);
        Assert.Contains("Intel(R) Xeon(R) CPU @ 2.20GHz", proposal.TextContent);
        Assert.Contains("Hardware report #" + id + " (session 2026-05-03)", proposal.TextContent);

        page.Find("input[data-key=CpuModel]").Change(false);
        page.Find("[data-testid=apply]").Click();

        page.WaitForElement($"[data-approved-id='{id}'] [data-testid=applied]", Wait);
        var history = (await Catalog.History.ForPlatformPageAsync("colab", includeActors: true, page: 1, pageSize: CatalogHistory.MaxPageSize)).Entries;
        var entry = history[0];
        Assert.Equal(["RamGb"], entry.Fields.Select(f => f.Field));
        Assert.Equal($"Hardware report #{id} (session 2026-05-03)", entry.Note);
        Assert.Equal($"http://localhost/platforms/colab#report-{id}", entry.EvidenceUrl);
        Assert.Equal(AdminUserId, entry.ActorUserId);
        Assert.Equal(entry.Id, (await StoredAsync(id)).AppliedChangeId);
        var colab = (await Catalog.Editor.GetForEditAsync("colab"))!;
        Assert.Equal((13.6, 13.6), (colab.RamGb.Min, colab.RamGb.Max));
        Assert.Equal($"Hardware report #{id}", colab.RamGb.SourceTitle);
        Assert.Equal(Today.AddDays(-1), colab.RamGb.AsOf);
        Assert.Equal("Intel Xeon 2.3 GHz", colab.CpuModel); // not chosen, not changed
        Assert.Contains($"applied to the catalog as change {entry.Id}", page.Find("[data-testid=reports-message]").TextContent);
    }
}
