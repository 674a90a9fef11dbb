using Microsoft.Extensions.Options;

namespace FreeGpuPortal.Web.LinkChecking;

/// <summary>
/// Runs the link check on the <see cref="LinkCheckSchedule"/>, through <see cref="LinkCheckRunner"/> so that a scheduled
/// run and an admin's "Check links now" never overlap; does nothing when it is off.
/// </summary>
public sealed class LinkCheckService(
    LinkCheckRunner runner, IOptions<LinkCheckOptions> options, IHostEnvironment environment, TimeProvider timeProvider,
    ILogger<LinkCheckService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = LinkCheckSchedule.Parse(options.Value.Schedule, environment.IsDevelopment());
        if (schedule.IsOff)
        {
            logger.LogInformation("Link check is off (LinkCheck:Schedule)");
            return;
        }

        logger.LogInformation("Link check runs {Schedule}", schedule);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = timeProvider.GetUtcNow();
            var next = schedule.NextAfter(now)!.Value;
            await Task.Delay(next - now, timeProvider, stoppingToken);
            try
            {
                // A run an admin started is the run of this time: the schedule waits for the next one.
                if (runner.TryStart(LinkCheckRunner.Scheduled) is LinkCheckStart.Started started)
                {
                    await started.Run;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One failed run (the database busy, say) must not stop the next ones.
                logger.LogError(exception, "Link check run failed");
            }
        }
    }
}
