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
        app.UseOutputCache();
        return app;
    }
}
