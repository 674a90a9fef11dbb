using Microsoft.Extensions.Options;

namespace FreeGpuPortal.Web.LinkChecking;

/// <summary>Runs <see cref="LinkCheckRun"/> on the <see cref="LinkCheckSchedule"/>; does nothing when it is off.</summary>
public sealed class LinkCheckService(
    LinkCheckRun run, IOptions<LinkCheckOptions> options, IHostEnvironment environment, TimeProvider timeProvider,
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
                await run.RunAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One failed run (the database busy, say) must not stop the next ones.
                logger.LogError(exception, "Link check run failed");
            }
        }
    }
}
