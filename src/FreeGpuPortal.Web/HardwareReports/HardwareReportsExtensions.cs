using FreeGpuPortal.Web.Hosting;

using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;

namespace FreeGpuPortal.Web.HardwareReports;

public static class HardwareReportsExtensions
{
    /// <summary>
    /// Saving a report: 10 an hour per IP unless "RateLimits:ReportSubmit" says otherwise ("Permits", "WindowSeconds").
    /// </summary>
    public const string SubmitPolicy = "report-submit";

    /// <summary>The submit form's field that names the step; only the save step counts against the limit.</summary>
    public const string StepField = "Model.Step";

    /// <summary>The report services and the submission rate limit.</summary>
    public static IHostApplicationBuilder AddHardwareReports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReportSubmissions>();
        builder.Services.AddSingleton<ReportModeration>();
        builder.Services.AddSingleton<ReportStatistics>();

        builder.Services.Configure<RateLimiterOptions>(options => RateLimitingExtensions.AddPerIpFixedWindow(
            options, SubmitPolicy, builder.Configuration.GetSection("RateLimits:ReportSubmit"),
            defaultPermits: 10, defaultWindowSeconds: 3600, counts: context => CountsAgainstLimit(context.Request)));
        return builder;
    }

    /// <summary>
    /// Reading the form and the check step are free; a save counts. The antiforgery middleware, which runs before
    /// the rate limiter, has read the form by then; a POST whose form is not available (or whose token was refused)
    /// counts, to be safe.
    /// </summary>
    internal static bool CountsAgainstLimit(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return false;
        }

        // A post refused by antiforgery counts; its form must not be read (the framework forbids it).
        if (request.HttpContext.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
        {
            return true;
        }

        var form = request.HttpContext.Features.Get<IFormFeature>()?.Form;
        return form is null || !string.Equals(form[StepField], ReportForm.CheckStep, StringComparison.Ordinal);
    }
}
