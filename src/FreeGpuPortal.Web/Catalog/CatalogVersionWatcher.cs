using FreeGpuPortal.Web.Data;

using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.Catalog;

// The catalog's version row, and the watcher that reads it to learn of other instances' changes.

/// <summary>
/// On a database shared by several instances, reads the <see cref="CatalogVersion"/> stamp a few times a second and
/// signals a catalog change when another instance wrote one, so this instance's snapshot and cached pages follow
/// within "Database:CatalogVersionPollMilliseconds" (250 by default). One indexed single-row read per interval.
/// </summary>
public sealed class CatalogVersionWatcher(
    IDbContextFactory<CatalogDbContext> contextFactory,
    CatalogChangeSignal signal,
    IConfiguration configuration,
    ILogger<CatalogVersionWatcher> logger) : BackgroundService
{
    public const string IntervalKey = "Database:CatalogVersionPollMilliseconds";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(Math.Clamp(configuration.GetValue(IntervalKey, 250), 20, 60_000));
        Guid? seen = null;
        var failing = false;
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await using var db = await contextFactory.CreateDbContextAsync(stoppingToken);
                var stamp = await db.CatalogVersions.AsNoTracking()
                    .Where(v => v.Id == CatalogVersion.SingletonId)
                    .Select(v => v.Stamp)
                    .FirstOrDefaultAsync(stoppingToken);
                // After an outage, changes may have been missed: treat the first answer as new.
                if (seen is { } previous && (stamp != previous || failing))
                {
                    signal.NotifyChanged();
                }

                seen = stamp;
                failing = false;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                if (!failing)
                {
                    logger.LogWarning(exception, "Cannot read the catalog version; other instances' changes show once the database answers again.");
                }

                failing = true;
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

/// <summary>
/// The one row that says which state of the catalog database is current: every save that writes catalog rows gives it
/// a new <see cref="Stamp"/> in the same transaction (see <see cref="CatalogChangeInterceptor"/>). Instances sharing
/// one database read it to learn that another instance changed the catalog (see <see cref="CatalogVersionWatcher"/>).
/// </summary>
public sealed class CatalogVersion
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    /// <summary>A fresh value on every write: two writes never leave the same stamp, so no change goes unseen.</summary>
    public Guid Stamp { get; set; }
}
