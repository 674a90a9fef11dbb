using FreeGpuPortal.Web.Hosting;

using Microsoft.AspNetCore.RateLimiting;

namespace FreeGpuPortal.Web.Suggestions;

public static class SuggestionsExtensions
{
    /// <summary>
    /// Submitting a suggestion: 10 an hour per IP unless "RateLimits:SuggestionSubmit" says otherwise ("Permits",
    /// "WindowSeconds"). Reading the form is free. The limiter's partition is the only place the address lives.
    /// </summary>
    public const string SubmitPolicy = "suggestion-submit";

    public static IHostApplicationBuilder AddSuggestions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SuggestionSubmissions>();
        builder.Services.AddSingleton<SuggestionModeration>();
        builder.Services.Configure<RateLimiterOptions>(options => RateLimitingExtensions.AddPerIpFixedWindow(
            options, SubmitPolicy, builder.Configuration.GetSection("RateLimits:SuggestionSubmit"),
            defaultPermits: 10, defaultWindowSeconds: 3600, counts: context => HttpMethods.IsPost(context.Request.Method)));
        return builder;
    }
}
