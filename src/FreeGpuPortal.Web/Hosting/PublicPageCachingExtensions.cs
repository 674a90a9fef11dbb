using System.Globalization;

using FreeGpuPortal.Web.Catalog;

using Microsoft.AspNetCore.OutputCaching;

namespace FreeGpuPortal.Web.Hosting;

/// <summary>
/// Server-side output cache for the anonymous public pages. The catalog's change generation is part of every cache
/// key, so a saved change is never answered from an older entry; eviction by tag only frees the memory early.
/// Output caching's own rules keep it safe: only anonymous GET/HEAD 200 responses without cookies are stored.
/// </summary>
public static class PublicPageCachingExtensions
{
    public const string PolicyName = "PublicPages";
    public const string CatalogTag = "catalog";

    public static IHostApplicationBuilder AddPublicPageCaching(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOutputCache(options =>
        {
            options.SizeLimit = builder.Configuration.GetValue("OutputCache:SizeLimitMegabytes", 64L) * 1024 * 1024;
            options.AddPolicy(PolicyName, policy => policy
                .Expire(TimeSpan.FromMinutes(10))
                .SetVaryByQuery("*")
                .VaryByValue(context => new KeyValuePair<string, string>(
                    "catalog",
                    context.RequestServices.GetRequiredService<CatalogChangeSignal>().Generation.ToString(CultureInfo.InvariantCulture)))
                .Tag(CatalogTag));
        });
        return builder;
    }

    /// <summary>"OutputCache:Enabled" = false turns the cache off, e.g. to measure the uncached render path.</summary>
    public static WebApplication UsePublicPageCaching(this WebApplication app)
    {
        if (!app.Configuration.GetValue("OutputCache:Enabled", true))
        {
            return app;
        }

        var store = app.Services.GetRequiredService<IOutputCacheStore>();
        app.Services.GetRequiredService<CatalogChangeSignal>().Changed +=
            () => _ = store.EvictByTagAsync(CatalogTag, CancellationToken.None).AsTask();
        app.Use(static (context, next) =>
        {
            context.Response.OnStarting(RestoreEnhancedNavigationMarker, context.Response);
            return next(context);
        });
        app.UseOutputCache();
        return app;
    }

    /// <summary>
    /// The header by which a Razor component response tells Blazor's script that enhanced navigation may patch it into
    /// the page. The script accepts only the exact value <see cref="EnhancedNavigationAllowed"/>.
    /// </summary>
    public const string EnhancedNavigationHeader = "blazor-enhanced-nav";

    public const string EnhancedNavigationAllowed = "allow";

    /// <summary>
    /// The output cache stores common header strings as indexes into its own table, looked up without regard to case,
    /// so Blazor's <c>allow</c> comes back from the cache as the HTTP header name <c>Allow</c>. Blazor's script compares
    /// the value exactly and, seeing <c>Allow</c>, throws the fetched page away and loads it again in full: the visitor's
    /// typing and focus are lost on every URL served from the cache. Writing the value back as sent keeps cached and
    /// fresh responses identical.
    /// </summary>
    private static Task RestoreEnhancedNavigationMarker(object state)
    {
        var headers = ((HttpResponse)state).Headers;
        if (headers.TryGetValue(EnhancedNavigationHeader, out var value)
            && string.Equals(value.ToString(), EnhancedNavigationAllowed, StringComparison.OrdinalIgnoreCase))
        {
            headers[EnhancedNavigationHeader] = EnhancedNavigationAllowed;
        }

        return Task.CompletedTask;
    }
}
