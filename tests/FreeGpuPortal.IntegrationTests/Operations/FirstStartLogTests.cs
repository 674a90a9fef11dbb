using Serilog.Events;

namespace FreeGpuPortal.IntegrationTests.Operations;

/// <summary>
/// A first start on an empty database (SQLite file or PostgreSQL database, whichever the run uses) creates, migrates
/// and seeds it without one error in the log: an operator who alerts on errors gets no false alarm from a deployment.
/// </summary>
public sealed class FirstStartLogTests
{
    [Fact]
    public async Task A_first_start_on_an_empty_database_logs_no_error()
    {
        await using var portal = PortalHost.For(PortalHostOptions.Observed);

        using var health = await portal.NewClient().GetAsync("/healthz");

        Assert.True(health.IsSuccessStatusCode, $"/healthz answered {(int)health.StatusCode}");
        Assert.Contains(portal.Log.Events, e => e.MessageTemplate.Text.Contains("Seeded", StringComparison.Ordinal));
        var errors = portal.Log.Events.Where(e => e.Level >= LogEventLevel.Error).Select(e => e.RenderMessage()).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
