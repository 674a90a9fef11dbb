using Microsoft.Extensions.Options;

namespace FreeGpuPortal.Web.Backups;

/// <summary>Writes a backup into the data directory every "Backup:Schedule", keeping "Backup:Keep" of them. Off unless set.</summary>
public sealed class ScheduledBackupService(
    PortalBackups backups, IOptions<BackupOptions> options, TimeProvider timeProvider, ILogger<ScheduledBackupService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Schedule is not { } interval || interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var path = await backups.CreateScheduledAsync(options.Value.Keep, stoppingToken);
                logger.LogInformation("Scheduled backup written to {BackupPath}", path);
            }
            catch (BackupException exception)
            {
                // The next tick tries again; /metrics counts the failures (portal_backups_total{outcome="failed"}).
                logger.LogError(exception, "Scheduled backup failed: {Reason}", exception.Message);
            }
        }
    }
}
