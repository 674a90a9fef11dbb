using System.Threading.RateLimiting;

using Microsoft.AspNetCore.RateLimiting;

namespace FreeGpuPortal.Web.Hosting;

/// <summary>
/// Anonymous rate limits, one named policy per kind of request, each partitioned by client IP address with a fixed
/// window. Every limit is configurable under "RateLimits:{Name}" (PermitPerMinute, or Permits with WindowSeconds).
/// A refused request gets 429 with Retry-After: an HTML page for a person, problem details for a script
/// (<see cref="TooManyRequestsPage"/>). Endpoints opt in with
/// <c>RequireRateLimiting(policy)</c>; add a policy here for another kind of request (admin sign-in, report submit).
/// Behind a reverse proxy, configure forwarded headers first, or every client shares the proxy's address.
/// </summary>
public static class RateLimitingExtensions
{
    /// <summary>Read-only API: 120 a minute per IP unless "RateLimits:Api:PermitPerMinute" says otherwise.</summary>
    public const string ApiPolicy = "api";

    /// <summary>The stateless hardware-report parser: 30 a minute per IP ("RateLimits:HardwareReportParse").</summary>
    public const string HardwareReportParsePolicy = "hardware-report-parse";

    public static IHostApplicationBuilder AddPortalRateLimiting(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddRateLimiter(options =>
        {
            AddPerIpFixedWindow(options, ApiPolicy, configuration.GetSection("RateLimits:Api"), defaultPermits: 120);
            AddPerIpFixedWindow(options, HardwareReportParsePolicy, configuration.GetSection("RateLimits:HardwareReportParse"), defaultPermits: 30);
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = WriteRejectionAsync;
        });
        return builder;
    }

    /// <summary>
    /// A fixed window per client IP. The section may set "PermitPerMinute", or "Permits" and "WindowSeconds" for
    /// another window (e.g. 10 an hour). Requests for which <paramref name="counts"/> returns false pass unlimited
    /// (e.g. reading a form, when only submitting it should count).
    /// </summary>
    public static RateLimiterOptions AddPerIpFixedWindow(
        RateLimiterOptions options,
        string policyName,
        IConfiguration section,
        int defaultPermits,
        int defaultWindowSeconds = 60,
        Func<HttpContext, bool>? counts = null)
    {
        var window = TimeSpan.FromSeconds(Math.Max(1, section.GetValue("WindowSeconds", defaultWindowSeconds)));
        var permits = Math.Max(1, section.GetValue("Permits", section.GetValue("PermitPerMinute", defaultPermits)));
        return options.AddPolicy(policyName, context => counts is not null && !counts(context)
            ? RateLimitPartition.GetNoLimiter("not-counted")
            : RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = window,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
    }

    private static async ValueTask WriteRejectionAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var policy = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
        context.HttpContext.RequestServices.GetService<FreeGpuPortal.Web.Operations.PortalMetrics>()?.RateLimitRejected(policy ?? "global");
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? (int)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        await TooManyRequestsPage.WriteAsync(context.HttpContext, seconds);
    }
}
