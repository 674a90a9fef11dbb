using FreeGpuPortal.Tests.HardwareReportsWeb;
using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Data;
using FreeGpuPortal.Web.HardwareReports;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace FreeGpuPortal.Tests.Data;

/// <summary>
/// The guard every visitor submission passes, through the real report path on a real SQLite catalog: the same paste
/// sent several times at once is stored once, every sender gets that one report, and a filled honeypot stores nothing.
/// </summary>
public sealed class SubmissionGuardTests
{
    [Fact]
    public async Task The_same_paste_sent_five_times_at_once_is_one_report_and_every_sender_is_given_it()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var submissions = new ReportSubmissions(catalog.ContextFactory, catalog.Clock, NullLogger<ReportSubmissions>.Instance);
        var platform = await submissions.FindPlatformAsync("kaggle") ?? throw new InvalidOperationException("no kaggle");

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => submissions.SaveAsync(
            platform, new ReportForm { Text = ReportTestData.ColabSession, Step = ReportForm.SaveStep }))));

        var ids = results.Select(r => Assert.IsType<ReportSaveResult.Saved>(r).ReportId).Distinct().ToList();
        Assert.Single(ids);
        await using var db = await catalog.ContextFactory.CreateDbContextAsync();
        Assert.Equal(1, await db.SubmittedReports.CountAsync());
    }

    [Fact]
    public async Task Submissions_whose_save_is_slow_still_wait_for_each_other_and_store_one()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var guard = new SubmissionGuard(catalog.ContextFactory);
        int kaggle;
        await using (var db = await catalog.ContextFactory.CreateDbContextAsync())
        {
            kaggle = await db.Platforms.Where(p => p.Slug == "kaggle").Select(p => p.Id).SingleAsync();
        }

        var now = catalog.Clock.GetUtcNow().UtcDateTime;
        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => guard.StoreOnceAsync(
            now,
            (db, since, cancel) => db.SubmittedReports.Where(r => r.RawText == "same" && r.SubmittedAtUtc >= since)
                .Select(r => r.Id).Take(1).ToListAsync(cancel),
            async (db, cancel) =>
            {
                // A save that takes a while (a busy database): the others must not look for an earlier one meanwhile.
                await Task.Delay(50, cancel);
                var report = new SubmittedReport
                {
                    PlatformId = kaggle,
                    SessionDate = new DateOnly(2026, 12, 1),
                    RawText = "same",
                    ParsedJson = "{}",
                    Status = ReportStatus.Pending,
                    SubmittedAtUtc = now,
                };
                db.SubmittedReports.Add(report);
                await db.SaveChangesAsync(cancel);
                return report.Id;
            },
            CancellationToken.None))));

        Assert.Single(results, r => !r.Repeated);
        Assert.Single(results.Select(r => r.Key).Distinct());
        await using var check = await catalog.ContextFactory.CreateDbContextAsync();
        Assert.Equal(1, await check.SubmittedReports.CountAsync());
    }

    [Fact]
    public async Task A_paste_with_the_honeypot_filled_is_discarded_and_nothing_is_stored()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var submissions = new ReportSubmissions(catalog.ContextFactory, catalog.Clock, NullLogger<ReportSubmissions>.Instance);
        var platform = await submissions.FindPlatformAsync("kaggle") ?? throw new InvalidOperationException("no kaggle");

        var result = await submissions.SaveAsync(
            platform, new ReportForm { Text = ReportTestData.ColabSession, Step = ReportForm.SaveStep, Website = "https://spam.example" });

        Assert.IsType<ReportSaveResult.Discarded>(result);
        await using var db = await catalog.ContextFactory.CreateDbContextAsync();
        Assert.Equal(0, await db.SubmittedReports.CountAsync());
    }
}
