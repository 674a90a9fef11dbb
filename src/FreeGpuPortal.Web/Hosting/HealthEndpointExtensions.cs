using System.Text.Json;

using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FreeGpuPortal.Web.Hosting;

public static class HealthEndpointExtensions
{
    public const string RetryAfterSeconds = "30";

    public static IEndpointRouteBuilder MapPortalHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResponseWriter = async (context, report) =>
            {
                context.Response.ContentType = "application/json";
                context.Response.Headers.CacheControl = "no-store";
                if (report.Status == HealthStatus.Unhealthy)
                {
                    // Load balancers and monitors: try again later rather than hammering a portal that cannot write.
                    context.Response.Headers.RetryAfter = RetryAfterSeconds;
                }

                await JsonSerializer.SerializeAsync(context.Response.Body, new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
                });
            },
        }).DisableHttpMetrics();
        return endpoints;
    }
}
