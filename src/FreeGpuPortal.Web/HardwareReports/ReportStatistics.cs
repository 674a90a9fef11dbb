using FreeGpuPortal.Web.Data;

using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.HardwareReports;

// "What people got": the statistics, the summary, its tallies and the public list of reports.

/// <summary>
/// Counts a platform's approved reports for its public page. Identical pastes count as one report. A report counts once for each distinct GPU model and
/// memory it shows (a machine with two T4s is one report of a T4), once for its CPU and once for its RAM. The raw
/// text, submission times and moderators never leave this class.
/// </summary>
public sealed class ReportStatistics(IDbContextFactory<CatalogDbContext> contextFactory, TimeProvider timeProvider)
{
    public const int RecentDays = 90;
    public const int LatestCount = 10;

    public async Task<WhatPeopleGotSummary> ForPlatformAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var reports = await db.SubmittedReports.AsNoTracking()
            .Where(r => r.Status == ReportStatus.Approved && r.Platform!.Slug == slug)
            .Select(r => new
            {
                r.Id,
                r.SessionDate,
                r.GpuName,
                r.GpuMemoryMiB,
                r.GpuCount,
                r.DriverVersion,
                r.CudaVersion,
                r.CpuModel,
                r.LogicalCpus,
                r.MemTotalKiB,
                r.ParsedJson,
                r.Note,
                r.RawText,
            })
            .ToListAsync(cancellationToken);

        // One paste is one report: copies of it (stored before saves were made idempotent) count once, as the first.
        reports = [.. reports.GroupBy(r => r.RawText, StringComparer.Ordinal).Select(g => g.MinBy(r => r.Id)!)];
        if (reports.Count == 0)
        {
            return WhatPeopleGotSummary.None;
        }

        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var since = today.AddDays(-RecentDays);
        var list = reports
            .Select(r =>
            {
                var parsed = ParsedReport.FromJson(r.ParsedJson);
                var gpus = parsed.Gpus.Count > 0 ? parsed.Gpus : r.GpuName is null ? [] : [new ParsedGpu(r.GpuName, r.GpuMemoryMiB)];
                return new PublicReport(
                    r.Id, r.SessionDate, gpus, r.GpuCount, r.DriverVersion, r.CudaVersion, r.CpuModel, r.LogicalCpus,
                    r.MemTotalKiB is { } kib ? ReportRules.MemTotalGb(kib) : null, r.Note);
            })
            .OrderByDescending(r => r.SessionDate)
            .ThenByDescending(r => r.Id)
            .ToList();

        var gpuSeen = list.SelectMany(r => GpuKeys(r).Select(k => (Report: r, k.Name, k.Amount)));
        var cpuSeen = list.Where(r => r.CpuModel is not null || r.LogicalCpus is not null)
            .Select(r => (Report: r, Name: r.CpuModel, Amount: (long?)r.LogicalCpus));
        var ramSeen = list.Where(r => r.RamGb is not null)
            .Select(r => (Report: r, Name: (string?)null, Amount: (long?)Math.Round(r.RamGb!.Value * 10)));

        return new WhatPeopleGotSummary(
            list.Count,
            list.Count(r => r.SessionDate >= since),
            list[0].SessionDate,
            Tally(gpuSeen, since),
            Tally(cpuSeen, since),
            Tally(ramSeen, since),
            [.. list.Take(LatestCount)]);
    }

    private static IEnumerable<(string? Name, long? Amount)> GpuKeys(PublicReport report)
    {
        if (report.Gpus.Count == 0)
        {
            return report.GpuCount == 0 ? [(null, null)] : [];
        }

        return report.Gpus.Select(g => (g.Name, (long?)g.MemoryMiB)).Distinct();
    }

    private static List<ReportTally> Tally(IEnumerable<(PublicReport Report, string? Name, long? Amount)> seen, DateOnly since) =>
        [.. seen
            .GroupBy(s => (Name: s.Name?.Trim(), s.Amount), s => s.Report)
            .Select(g => new ReportTally(g.Key.Name, g.Key.Amount, g.Count(r => r.SessionDate >= since), g.Count()))
            .OrderByDescending(t => t.AllTime)
            .ThenByDescending(t => t.Recent)
            .ThenBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(t => t.Amount)];
}

/// <summary>"What people got" for one platform, from its approved reports only.</summary>
public sealed record WhatPeopleGotSummary(
    int AllTime, int Recent, DateOnly? Newest, IReadOnlyList<ReportTally> Gpus, IReadOnlyList<ReportTally> Cpus,
    IReadOnlyList<ReportTally> Ram, IReadOnlyList<PublicReport> Latest)
{
    public static WhatPeopleGotSummary None { get; } = new(0, 0, null, [], [], [], []);
}

/// <summary>How many approved reports saw one value: in the last <see cref="ReportStatistics.RecentDays"/> days and ever.</summary>
/// <param name="Name">A GPU's name or a CPU's model; null for "no GPU visible" (an nvidia-smi error output).</param>
/// <param name="Amount">The GPU's memory in MiB, the CPU count, or RAM in tenths of a GB; null when not reported.</param>
public sealed record ReportTally(string? Name, long? Amount, int Recent, int AllTime);

/// <summary>One approved report as the public page lists it: parsed values and the visitor's note, nothing else.</summary>
public sealed record PublicReport(
    int Id, DateOnly SessionDate, IReadOnlyList<ParsedGpu> Gpus, int? GpuCount, string? DriverVersion, string? CudaVersion,
    string? CpuModel, int? LogicalCpus, double? RamGb, string? Note);
