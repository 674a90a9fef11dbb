using System.Globalization;

using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Data;

using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.HardwareReports;

/// <summary>
/// The admin side of hardware reports: the queues, approving and rejecting, and applying an approved report's values
/// to the platform's specs through <see cref="CatalogEditor"/> (so the audited history records it, with the report as
/// evidence). Every state change is a save through <see cref="CatalogDbContext"/>, which bumps the catalog's change
/// signal, so the cached public platform page shows an approval on its next request.
/// </summary>
public sealed class ReportModeration(
    IDbContextFactory<CatalogDbContext> contextFactory, CatalogEditor editor, TimeProvider timeProvider, ILogger<ReportModeration> logger)
{
    public const int ListLimit = 200;

    public Task<IReadOnlyList<ModerationItem>> PendingAsync(CancellationToken cancellationToken = default) =>
        ListAsync(ReportStatus.Pending, oldestFirst: true, cancellationToken);

    public Task<IReadOnlyList<ModerationItem>> ApprovedAsync(CancellationToken cancellationToken = default) =>
        ListAsync(ReportStatus.Approved, oldestFirst: false, cancellationToken);

    public async Task<int> CountAsync(ReportStatus status, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.SubmittedReports.CountAsync(r => r.Status == status, cancellationToken);
    }

    public async Task<ModerationItem?> FindAsync(int reportId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var report = await db.SubmittedReports.AsNoTracking().Include(r => r.Platform)
            .SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        return report is null ? null : Item(report);
    }

    /// <summary>
    /// Approves the report. With <paramref name="seenAs"/> (the status the admin's page showed), a report whose status
    /// changed since is left alone: a stale page never overrides another admin's decision.
    /// </summary>
    public Task<ModerationResult> ApproveAsync(
        int reportId, Actor actor, ReportStatus? seenAs = null, CancellationToken cancellationToken = default) =>
        SetStatusAsync(reportId, ReportStatus.Approved, seenAs, actor, cancellationToken);

    /// <summary>Rejects the report; <paramref name="seenAs"/> as for <see cref="ApproveAsync"/>.</summary>
    public Task<ModerationResult> RejectAsync(
        int reportId, Actor actor, ReportStatus? seenAs = null, CancellationToken cancellationToken = default) =>
        SetStatusAsync(reportId, ReportStatus.Rejected, seenAs, actor, cancellationToken);

    /// <summary>The spec changes an approved report supports, against the platform as saved now.</summary>
    public async Task<CatalogProposal?> ProposeAsync(int reportId, CancellationToken cancellationToken = default)
    {
        var (report, platform, gpuModels) = await LoadForApplyAsync(reportId, cancellationToken);
        if (report is null || platform is null)
        {
            return null;
        }

        var changes = Proposals(report, platform, gpuModels, evidenceUrl: null).Select(p => p.Change).ToList();
        return new CatalogProposal(report.Id, platform.Slug, changes);
    }

    /// <summary>
    /// Applies the chosen <paramref name="keys"/> of the report's proposal to the platform through
    /// <see cref="CatalogEditor.UpdateAsync"/>, with the evidence note "Hardware report #N (session YYYY-MM-DD)" and
    /// <paramref name="evidenceUrl"/>, and records the resulting change on the report.
    /// </summary>
    public async Task<ModerationResult> ApplyAsync(
        int reportId, IReadOnlyCollection<string> keys, Actor actor, string evidenceUrl, CancellationToken cancellationToken = default)
    {
        var (report, platform, gpuModels) = await LoadForApplyAsync(reportId, cancellationToken);
        if (report is null || platform is null)
        {
            return new ModerationResult.NotFound();
        }

        if (report.Status != ReportStatus.Approved)
        {
            return new ModerationResult.Refused("Reports.Apply.NotApproved");
        }

        if (report.AppliedChangeId is not null)
        {
            return new ModerationResult.Refused("Reports.Apply.AlreadyApplied");
        }

        var chosen = Proposals(report, platform, gpuModels, evidenceUrl).Where(p => keys.Contains(p.Change.Key)).ToList();
        if (chosen.Count == 0)
        {
            return new ModerationResult.Refused("Reports.Apply.NothingSelected");
        }

        foreach (var proposal in chosen)
        {
            proposal.Apply(platform);
        }

        var evidence = new ChangeEvidence
        {
            EvidenceUrl = evidenceUrl,
            Note = EvidenceNote(report),
            Title = EvidenceTitle(report),
            AsOf = report.SessionDate,
        };
        var result = await editor.UpdateAsync(new PlatformChangeRequest(platform, evidence, actor), cancellationToken);
        if (result is not EditResult.Success success)
        {
            return new ModerationResult.EditRefused(result);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var tracked = await db.SubmittedReports.SingleAsync(r => r.Id == reportId, cancellationToken);
        tracked.AppliedChangeId = success.ChangeId;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation(
            "Hardware report {ReportId} applied to {PlatformSlug} as catalog change {ChangeId} by {ActorUserId}",
            reportId, platform.Slug, success.ChangeId, actor.UserId);
        return new ModerationResult.Applied(reportId, success.ChangeId);
    }

    /// <summary>"Hardware report #12 (session 2026-01-19)": the history's evidence note for an applied report.</summary>
    public static string EvidenceNote(SubmittedReport report) =>
        string.Create(CultureInfo.InvariantCulture, $"Hardware report #{report.Id} (session {report.SessionDate:yyyy-MM-dd})");

    /// <summary>"Hardware report #12": how a value applied from a report cites it.</summary>
    public static string EvidenceTitle(SubmittedReport report) =>
        string.Create(CultureInfo.InvariantCulture, $"Hardware report #{report.Id}");

    /// <summary>The public anchor of an approved report on its platform page.</summary>
    public static string PublicUrl(string baseUri, string platformSlug, int reportId) =>
        $"{baseUri.TrimEnd('/')}/platforms/{Uri.EscapeDataString(platformSlug)}#report-{reportId}";

    /// <summary>
    /// The reference GPU model a reported name stands for: the model whose name's words (without a leading "NVIDIA",
    /// ignoring punctuation and case) begin the reported name's words — "Tesla P100-PCIE-16GB" is "Tesla P100 (PCIe)",
    /// "Tesla P40" is not "Tesla P4". The longest such name wins; null when none matches.
    /// </summary>
    public static GpuModel? MatchGpuModel(string? reportedName, IEnumerable<GpuModel> models)
    {
        var reported = NameWords(reportedName);
        if (reported.Count == 0)
        {
            return null;
        }

        return models
            .Select(m => (Model: m, Words: NameWords(m.Name)))
            .Where(m => m.Words.Count > 0 && m.Words.Count <= reported.Count && m.Words.SequenceEqual(reported.Take(m.Words.Count)))
            .OrderByDescending(m => m.Words.Count)
            .Select(m => m.Model)
            .FirstOrDefault();
    }

    private static List<string> NameWords(string? name)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(name))
        {
            return words;
        }

        var word = new System.Text.StringBuilder();
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        if (words.Count > 0 && words[0] == "nvidia")
        {
            words.RemoveAt(0);
        }

        return words;
    }

    private sealed record Proposal(ProposedChange Change, Action<PlatformEditModel> Apply);

    private static IEnumerable<Proposal> Proposals(
        SubmittedReport report, PlatformEditModel platform, IReadOnlyList<GpuModel> gpuModels, string? evidenceUrl)
    {
        var title = EvidenceTitle(report);
        var seen = string.Create(CultureInfo.InvariantCulture, $"Seen in hardware report #{report.Id}.");

        if (report.MemTotalKiB is { } kib && kib > 0)
        {
            var gb = ReportRules.MemTotalGb(kib);
            if (platform.RamGb.Min != gb || platform.RamGb.Max != gb)
            {
                yield return new Proposal(
                    new ProposedChange(nameof(PlatformEditModel.RamGb), "Admin.Field.RamGb", Range(platform.RamGb, "GB"), $"{Number(gb)} GB"),
                    model => model.RamGb = Spec(gb, string.Create(CultureInfo.InvariantCulture, $"MemTotal {kib:N0} KiB in hardware report #{report.Id}.")));
            }
        }

        if (report.LogicalCpus is { } cpus && cpus > 0 && (platform.CpuCount.Min != cpus || platform.CpuCount.Max != cpus))
        {
            yield return new Proposal(
                new ProposedChange(nameof(PlatformEditModel.CpuCount), "Admin.Field.CpuCount", Range(platform.CpuCount, "CPUs"), $"{cpus} CPUs"),
                model => model.CpuCount = Spec(cpus, string.Create(CultureInfo.InvariantCulture, $"{cpus} logical CPUs in hardware report #{report.Id}.")));
        }

        if (report.CpuModel is { Length: > 0 } cpuModel
            && !string.Equals(platform.CpuModel?.Trim(), cpuModel.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            yield return new Proposal(
                new ProposedChange(nameof(PlatformEditModel.CpuModel), "Admin.Field.CpuModel", platform.CpuModel, cpuModel.Trim()),
                model => model.CpuModel = cpuModel.Trim());
        }

        var parsed = ParsedReport.FromJson(report.ParsedJson);
        var gpus = parsed.Gpus.Count > 0 ? parsed.Gpus : report.GpuName is null ? [] : [new ParsedGpu(report.GpuName, report.GpuMemoryMiB)];
        foreach (var group in gpus
            .Select(g => MatchGpuModel(g.Name, gpuModels))
            .OfType<GpuModel>()
            .GroupBy(m => m.Slug, StringComparer.Ordinal))
        {
            var model = group.First();
            var count = group.Count();
            if (platform.Gpus.Any(g => g.GpuModelSlug == model.Slug))
            {
                continue;
            }

            yield return new Proposal(
                new ProposedChange($"Gpu:{model.Slug}", "Reports.Apply.GpuOption", null, count == 1 ? model.Name : $"{count} × {model.Name}"),
                edit => edit.Gpus.Add(new GpuOptionEditModel
                {
                    GpuModelSlug = model.Slug,
                    PerSession = count,
                    Note = seen,
                    SourceUrl = evidenceUrl,
                    SourceTitle = title,
                    AsOf = report.SessionDate,
                }));
        }

        SpecEditModel Spec(double value, string note) => new()
        {
            Min = value,
            Max = value,
            Note = note,
            SourceUrl = evidenceUrl,
            SourceTitle = title,
            AsOf = report.SessionDate,
        };
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string? Range(SpecEditModel spec, string unit) =>
        (spec.Min, spec.Max) switch
        {
            (null, null) => null,
            ({ } min, { } max) when min != max => $"{Number(min)}–{Number(max)} {unit}",
            var (min, max) => $"{Number((min ?? max)!.Value)} {unit}",
        };

    private async Task<(SubmittedReport? Report, PlatformEditModel? Platform, IReadOnlyList<GpuModel> GpuModels)> LoadForApplyAsync(
        int reportId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var report = await db.SubmittedReports.AsNoTracking().Include(r => r.Platform)
            .SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report?.Platform is null)
        {
            return (null, null, []);
        }

        var gpuModels = await db.GpuModels.AsNoTracking().ToListAsync(cancellationToken);
        var platform = await editor.GetForEditAsync(report.Platform.Slug, cancellationToken);
        return (report, platform, gpuModels);
    }

    private async Task<IReadOnlyList<ModerationItem>> ListAsync(ReportStatus status, bool oldestFirst, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.SubmittedReports.AsNoTracking().Include(r => r.Platform).Where(r => r.Status == status);
        query = oldestFirst
            ? query.OrderBy(r => r.SubmittedAtUtc).ThenBy(r => r.Id)
            : query.OrderByDescending(r => r.ModeratedAtUtc).ThenByDescending(r => r.Id);
        var reports = await query.Take(ListLimit).ToListAsync(cancellationToken);
        return [.. reports.Select(Item)];
    }

    private static ModerationItem Item(SubmittedReport report) =>
        new(report, report.Platform?.Slug ?? "", report.Platform?.Name ?? "", ParsedReport.FromJson(report.ParsedJson));

    private async Task<ModerationResult> SetStatusAsync(
        int reportId, ReportStatus status, ReportStatus? seenAs, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var report = await db.SubmittedReports.SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return new ModerationResult.NotFound();
        }

        if (report.Status == status)
        {
            return new ModerationResult.AlreadyDone(reportId);
        }

        if (seenAs is { } seen && report.Status != seen)
        {
            return new ModerationResult.ModeratedMeanwhile(reportId, report.Status);
        }

        if (status == ReportStatus.Rejected && report.AppliedChangeId is not null)
        {
            return new ModerationResult.Refused("Reports.Reject.Applied");
        }

        report.Status = status;
        report.ModeratedAtUtc = timeProvider.GetUtcNow().UtcDateTime;
        report.ModeratedByUserId = actor.UserId;
        report.ModeratedByName = actor.DisplayName;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Hardware report {ReportId} {Status} by {ActorUserId}", reportId, status, actor.UserId);
        return new ModerationResult.Done(reportId);
    }
}
