using FreeGpuPortal.HardwareReports;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Data;

using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.HardwareReports;

// Submitting a report, and the platform the report page shows.

/// <summary>Checks and stores the reports visitors submit on <c>/platforms/{slug}/report</c>.</summary>
public sealed class ReportSubmissions(
    IDbContextFactory<CatalogDbContext> contextFactory, TimeProvider timeProvider, ILogger<ReportSubmissions> logger,
    FreeGpuPortal.Web.Operations.PortalMetrics? metrics = null)
{
    /// <summary>Today's UTC date: the form's default session date and the latest one it accepts.</summary>
    public DateOnly Today => DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);

    public async Task<ReportPlatform?> FindPlatformAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Platforms.AsNoTracking()
            .Where(p => p.Slug == Slugs.Canonical(slug))
            .Select(p => new ReportPlatform(p.Id, p.Slug, p.Name))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The same paste for the same platform within the duplicate window is one report.</summary>
    private readonly SubmissionGuard _guard = new(contextFactory);

    /// <summary>
    /// Step one: validates the form and parses the text. Stores nothing. A form without a session date gets the date
    /// of the timestamp in the paste (nvidia-smi prints one), or today when the paste has none: an old paste then
    /// counts as old.
    /// </summary>
    public ReportCheck Check(ReportForm form)
    {
        var text = ReportRules.NormalizeText(form.Text);
        if (!form.SessionDateUnreadable)
        {
            form.SessionDate ??= PasteTimestamp.SessionDate(text) is { } printed && printed <= Today ? printed : Today;
        }

        var errors = ReportRules.Validate(form, Today).ToList();
        if (errors.Any(e => e.Field == nameof(ReportForm.Text)))
        {
            return new ReportCheck(errors, null, "");
        }

        var parsed = HardwareReportParser.Parse(text);
        if (!ReportRules.HasValues(parsed))
        {
            errors.Insert(0, new ReportError(nameof(ReportForm.Text), "Report.Error.NothingRecognised"));
        }

        return new ReportCheck(errors, parsed, ReportRules.Fingerprint(text));
    }

    /// <summary>Step two: stores the report as pending, when the form is valid and the honeypot empty.</summary>
    public async Task<ReportSaveResult> SaveAsync(ReportPlatform platform, ReportForm form, CancellationToken cancellationToken = default)
    {
        if (SubmissionGuard.IsFromScript(form.Website))
        {
            logger.LogInformation("Discarded a hardware report for {PlatformSlug}: the honeypot field was filled", platform.Slug);
            return new ReportSaveResult.Discarded();
        }

        var check = Check(form);
        if (!check.IsValid || check.Parsed is not { } parsed)
        {
            return new ReportSaveResult.Refused(check);
        }

        var note = Catalog.Editing.CatalogText.WithoutBidiControls(form.Note)?.Trim();
        var report = new SubmittedReport
        {
            PlatformId = platform.Id,
            SessionDate = form.SessionDate!.Value,
            Note = string.IsNullOrEmpty(note) ? null : note,
            RawText = ReportRules.NormalizeText(form.Text),
            GpuName = parsed.Gpus.FirstOrDefault()?.Name,
            GpuMemoryMiB = parsed.Gpus.FirstOrDefault()?.MemoryMiB,
            GpuCount = parsed.GpuCount,
            DriverVersion = parsed.DriverVersion,
            CudaVersion = parsed.CudaVersion,
            CpuModel = parsed.Cpu?.Model,
            LogicalCpus = parsed.Cpu?.LogicalCpus,
            ThreadsPerCore = parsed.Cpu?.ThreadsPerCore,
            Sockets = parsed.Cpu?.Sockets,
            MemTotalKiB = parsed.MemTotalKiB,
            ParsedJson = ParsedReport.From(parsed).ToJson(),
            Status = ReportStatus.Pending,
            SubmittedAtUtc = timeProvider.GetUtcNow().UtcDateTime,
        };

        var stored = await _guard.StoreOnceAsync(
            report.SubmittedAtUtc,
            (db, since, cancel) => db.SubmittedReports.AsNoTracking()
                .Where(r => r.PlatformId == platform.Id && r.RawText == report.RawText && r.SubmittedAtUtc >= since)
                .OrderBy(r => r.Id)
                .Select(r => r.Id)
                .Take(1)
                .ToListAsync(cancel),
            async (db, cancel) =>
            {
                db.SubmittedReports.Add(report);
                await db.SaveChangesAsync(cancel);
                metrics?.ReportSubmitted();
                return report.Id;
            },
            cancellationToken);
        if (stored.Repeated)
        {
            // A reload, a double click or a stale tab sending the same paste again: one paste is one report.
            logger.LogInformation("Hardware report for {PlatformSlug} repeats report {ReportId}: not stored again", platform.Slug, stored.Key);
            return new ReportSaveResult.Saved(stored.Key);
        }

        logger.LogInformation("Hardware report {ReportId} for {PlatformSlug} submitted for review", report.Id, platform.Slug);
        return new ReportSaveResult.Saved(report.Id);
    }
}

/// <summary>The platform a report is for, as the report page shows it.</summary>
public sealed record ReportPlatform(int Id, string Slug, string Name);
