using System.Text.Json;

using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace FreeGpuPortal.Web.Hosting;

public static class HealthEndpointExtensions
{
    public static IEndpointRouteBuilder MapPortalHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResponseWriter = async (context, report) =>
            {
                context.Response.ContentType = "application/json";
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
