using FreeGpuPortal.Web.Backups;
using FreeGpuPortal.Web.Data;
using FreeGpuPortal.Web.LinkChecking;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace FreeGpuPortal.Web.Operations;

/// <summary>What the status page says: the health checks of /healthz, the catalog's last change, the last link check
/// and how backups are taken. Read on every request (the page is not cached): it answers "is it working now".</summary>
public sealed record PortalStatusReport(
    HealthStatus Health,
    IReadOnlyList<PortalStatusCheck> Checks,
    DateTime? CatalogChangedAtUtc,
    DateTime? LinksCheckedAtUtc,
    int LinksChecked,
    int LinksBroken,
    bool FiguresKnown,
    BackupArrangement Backups);

public sealed record PortalStatusCheck(string Name, HealthStatus Status, string? Description);

/// <summary>How the portal's data is backed up, as far as the portal knows.</summary>
public enum BackupArrangement
{
    /// <summary>SQLite with Backup:Schedule set: the portal writes them itself.</summary>
    Scheduled,

    /// <summary>SQLite without Backup:Schedule: only when someone runs "backup create".</summary>
    NotScheduled,

    /// <summary>PostgreSQL: the database server's tools (pg_dump) take them; the portal cannot see them.</summary>
    ByTheDatabaseServer,
}

public sealed class PortalStatus(
    HealthCheckService health,
    IDbContextFactory<CatalogDbContext> contextFactory,
    LinkHealth links,
    PortalDatabase database,
    IOptions<BackupOptions> backupOptions,
    ILogger<PortalStatus> logger)
{
    public async Task<PortalStatusReport> ReadAsync(CancellationToken cancellationToken = default)
    {
        var report = await health.CheckHealthAsync(cancellationToken);
        var checks = report.Entries
            .Select(entry => new PortalStatusCheck(entry.Key, entry.Value.Status, entry.Value.Description))
            .ToList();

        DateTime? changedAt = null;
        LinkReport? linkReport = null;
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            changedAt = await db.CatalogChanges.MaxAsync(change => (DateTime?)change.AtUtc, cancellationToken);
            linkReport = await links.ReportAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The status page is what people open when something is wrong: with the database failing it still
            // answers, says so through the health checks above, and leaves these figures unknown.
            logger.LogWarning(exception, "The status page could not read the catalog's figures");
        }

        var backups = database.IsPostgreSql ? BackupArrangement.ByTheDatabaseServer
            : backupOptions.Value.Schedule is { } schedule && schedule > TimeSpan.Zero ? BackupArrangement.Scheduled
            : BackupArrangement.NotScheduled;
        return new PortalStatusReport(
            report.Status,
            checks,
            changedAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null,
            linkReport?.LastCheckedAtUtc is { } checkedAt ? DateTime.SpecifyKind(checkedAt, DateTimeKind.Utc) : null,
            linkReport?.CheckedCount ?? 0,
            linkReport?.Broken.Count ?? 0,
            linkReport is not null,
            backups);
    }
}
