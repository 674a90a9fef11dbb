using FreeGpuPortal.Web.Data;

using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.Catalog;

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
