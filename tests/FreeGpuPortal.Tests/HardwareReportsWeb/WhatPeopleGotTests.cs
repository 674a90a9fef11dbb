using System.Globalization;

using Bunit;

using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Components.Pages.Platforms;
using FreeGpuPortal.Web.HardwareReports;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.Tests.HardwareReportsWeb;

/// <summary>The public "What people got" section over real approved, pending and rejected reports in SQLite.</summary>
public sealed class WhatPeopleGotTests : PortalComponentTest
{
    private static readonly Actor Admin = new("admin-1", "admin@example.org");

    public WhatPeopleGotTests() => Services.AddReportServices();

    private ReportSubmissions Submissions => Services.GetRequiredService<ReportSubmissions>();

    private ReportModeration Moderation => Services.GetRequiredService<ReportModeration>();

    private CatalogChangeSignal Signal => Services.GetRequiredService<CatalogChangeSignal>();

    private DateOnly Today => DateOnly.FromDateTime(Catalog.Clock.GetUtcNow().UtcDateTime);

    private async Task<int> ApprovedAsync(string text, int daysAgo, string? note = null)
    {
        var id = await Submissions.SubmitAsync("kaggle", text, Today.AddDays(-daysAgo), note);
        Assert.IsType<ModerationResult.Done>(await Moderation.ApproveAsync(id, Admin));
        return id;
    }

    [Fact]
    public async Task One_paste_sent_twice_is_one_report_and_counts_once_after_approval()
    {
        var first = await Submissions.SubmitAsync("kaggle", ReportTestData.ColabSession, Today.AddDays(-2));
        var again = await Submissions.SubmitAsync("kaggle", ReportTestData.ColabSession, Today.AddDays(-2)); // a reload, a stale tab
        Assert.Equal(first, again);
        await Moderation.ApproveAsync(first, Admin);

        var section = Render<WhatPeopleGot>(parameters => parameters.Add(p => p.Slug, "kaggle"));

        Assert.Contains("1 approved report from visitors", section.Find("[data-testid=got-summary]").TextContent);
        Assert.Single(section.FindAll("[data-testid=got-latest] li"));
    }

    [Fact]
    public async Task Copies_stored_before_saves_were_idempotent_count_once()
    {
        var first = await ApprovedAsync(ReportTestData.ColabT4, daysAgo: 5);
        await using (var db = await Catalog.ContextFactory.CreateDbContextAsync())
        {
            var original = await db.SubmittedReports.AsNoTracking().SingleAsync(r => r.Id == first);
            original.Id = 0;
            db.SubmittedReports.Add(original);
            await db.SaveChangesAsync();
        }

        var section = Render<WhatPeopleGot>(parameters => parameters.Add(p => p.Slug, "kaggle"));

        Assert.Single(section.FindAll("[data-testid=got-latest] li"));
        Assert.Equal("1", section.Find("[data-testid=got-gpus] tr[data-gpu='Tesla T4'] [data-testid=got-all]").TextContent);
    }

    [Fact]
    public void Without_approved_reports_it_says_so()
    {
        var section = Render<WhatPeopleGot>(parameters => parameters.Add(p => p.Slug, "kaggle"));

        Assert.Equal("No reports from visitors have been approved for this platform yet.", section.Find("[data-testid=got-empty]").TextContent);
    }

    [Fact]
    public async Task Approved_reports_are_counted_by_gpu_model_and_memory_for_90_days_and_all_time()
    {
        var newest = await ApprovedAsync(ReportTestData.ColabSession, daysAgo: 3, note: "<b>T4 again</b>");
        await ApprovedAsync(ReportTestData.ColabT4, daysAgo: 90);
        await ApprovedAsync(ReportTestData.Fixture("nvidia-smi/t4-colab-525.105.17-empty-processes.txt"), daysAgo: 91);
        await ApprovedAsync(ReportTestData.NoDriver, daysAgo: 200);
        await Submissions.SubmitAsync("kaggle", ReportTestData.ColabSession + "\n# a later session\n", Today); // pending: not counted
        var rejected = await Submissions.SubmitAsync("kaggle", ReportTestData.ColabSession + "\n# yet another session\n", Today);
        await Moderation.RejectAsync(rejected, Admin);

        var section = Render<WhatPeopleGot>(parameters => parameters.Add(p => p.Slug, "kaggle"));

        var summary = section.Find("[data-testid=got-summary]").TextContent;
        Assert.Contains("4 approved reports from visitors;", summary);
        Assert.Contains("2 of them from sessions in the last 90 days.", summary);
        Assert.Matches(@"90 days\. The newest is from \d", summary); // a space between the sentences
        Assert.Equal(Today.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), section.Find("[data-testid=got-newest]").GetAttribute("datetime"));

        var t4 = section.Find("[data-testid=got-gpus] tr[data-gpu='Tesla T4'][data-memory='15360']");
        Assert.Equal("2", t4.QuerySelector("[data-testid=got-recent]")!.TextContent);
        Assert.Equal("3", t4.QuerySelector("[data-testid=got-all]")!.TextContent);
        Assert.Equal("75", t4.QuerySelector(".got-bar-fill")!.GetAttribute("width"));
        var none = section.Find("[data-testid=got-gpus] tr[data-gpu='none']");
        Assert.Contains("No GPU visible", none.TextContent);
        Assert.Equal("0", none.QuerySelector("[data-testid=got-recent]")!.TextContent);
        Assert.Equal("1", none.QuerySelector("[data-testid=got-all]")!.TextContent);

        Assert.Contains("Intel(R) Xeon(R) CPU @ 2.20GHz", section.Find("[data-testid=got-cpus]").TextContent);
        Assert.Contains("2 logical CPUs", section.Find("[data-testid=got-cpus]").TextContent);
        Assert.Contains("13.6 GB", section.Find("[data-testid=got-ram]").TextContent);

        var latest = section.FindAll("[data-testid=got-latest] li");
        Assert.Equal(4, latest.Count);
        Assert.Equal($"report-{newest}", latest[0].Id);
        Assert.Contains("<b>T4 again</b>", latest[0].QuerySelector(".got-note")!.TextContent); // shown as text
        Assert.Empty(section.FindAll("b"));
        Assert.DoesNotContain(rejected.ToString(CultureInfo.InvariantCulture), string.Join(",", latest.Select(l => l.Id)));
        Assert.DoesNotContain("NVIDIA-SMI", section.Markup); // never the raw paste
        Assert.DoesNotContain(Admin.DisplayName, section.Markup);
        Assert.Empty(section.FindAll("script"));
    }

    [Fact]
    public async Task Approving_or_rejecting_a_report_moves_the_catalog_generation_on_so_the_cached_page_is_stale()
    {
        var id = await Submissions.SubmitAsync("kaggle", ReportTestData.ColabT4, Today);
        var before = Signal.Generation;

        await Moderation.ApproveAsync(id, Admin);
        var afterApproval = Signal.Generation;
        await Moderation.RejectAsync(id, Admin);

        Assert.True(afterApproval > before);
        Assert.True(Signal.Generation > afterApproval);
    }
}
