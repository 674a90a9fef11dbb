using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.HardwareReports;

using Microsoft.Extensions.Logging.Abstractions;

namespace FreeGpuPortal.Tests.HardwareReportsWeb;

/// <summary>The session date a report gets when the visitor leaves it empty: the day nvidia-smi printed in the paste.</summary>
public sealed class PasteTimestampTests
{
    [Theory]
    [InlineData("Sat Sep 20 23:49:47 2025       \n+----", 2025, 9, 20)]
    [InlineData("  Sun Nov  8 05:48:46 2020\n", 2020, 11, 8)]
    [InlineData("$ nvidia-smi\nWed Jun 17 21:49:36 2026\n", 2026, 6, 17)]
    public void Reads_the_date_nvidia_smi_prints(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), PasteTimestamp.SessionDate(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Tesla T4 15360MiB")]
    [InlineData("Mon Feb 30 10:00:00 2025")] // no such day
    public void Without_a_real_timestamp_there_is_no_date(string? text) => Assert.Null(PasteTimestamp.SessionDate(text));

    [Fact]
    public async Task A_year_old_paste_without_a_date_given_is_dated_by_its_timestamp_and_is_not_recent()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        catalog.Clock.Set(new DateTimeOffset(2026, 9, 25, 12, 0, 0, TimeSpan.Zero));
        var submissions = new ReportSubmissions(catalog.ContextFactory, catalog.Clock, NullLogger<ReportSubmissions>.Instance);
        var text = ReportTestData.Fixture("nvidia-smi/p100-kaggle-560.35.03-empty-processes.txt");
        Assert.Equal(new DateOnly(2025, 9, 20), PasteTimestamp.SessionDate(text));
        var form = new ReportForm { Text = text, Step = ReportForm.SaveStep };

        var check = submissions.Check(form);

        Assert.True(check.IsValid);
        Assert.Equal(new DateOnly(2025, 9, 20), form.SessionDate);
        Assert.True(form.SessionDate < submissions.Today.AddDays(-Web.HardwareReports.ReportStatistics.RecentDays));
    }

    [Fact]
    public async Task A_date_the_visitor_gives_is_kept_and_a_paste_without_a_timestamp_is_dated_today()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var submissions = new ReportSubmissions(catalog.ContextFactory, catalog.Clock, NullLogger<ReportSubmissions>.Instance);
        var given = new ReportForm { Text = ReportTestData.ColabSession, SessionDate = new DateOnly(2026, 1, 2) };
        var untimed = new ReportForm { Text = "MemTotal:       13290452 kB\n" };

        submissions.Check(given);
        submissions.Check(untimed);

        Assert.Equal(new DateOnly(2026, 1, 2), given.SessionDate);
        Assert.Equal(submissions.Today, untimed.SessionDate);
    }
}
