using FreeGpuPortal.Web.Api;
using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Discovery;
using FreeGpuPortal.Web.Hosting;

using Microsoft.Extensions.Localization;

namespace FreeGpuPortal.Web.Feeds;

/// <summary>
/// <c>/changes.atom</c> (every catalog change) and <c>/platforms/{slug}/changes.atom</c> (one platform's), newest
/// first. Served with ETag and Last-Modified (304 on a match), and kept in the public pages' output cache, whose key
/// carries the catalog's change generation.
/// </summary>
public static class ChangeFeedEndpoints
{
    public const int EntryCount = 50;

    public static IEndpointRouteBuilder MapChangeFeeds(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/changes.atom", AllAsync)
            .CacheOutput(PublicPageCachingExtensions.PolicyName)
            .ExcludeFromDescription();
        endpoints.MapGet("/platforms/{slug}/changes.atom", PlatformAsync)
            .CacheOutput(PublicPageCachingExtensions.PolicyName)
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task AllAsync(
        HttpContext context, CatalogHistory history, PublicUrls urls, IStringLocalizer<SharedResource> l)
    {
        var entries = await history.RecentPublicAsync(EntryCount, cancellationToken: context.RequestAborted);
        var info = new FeedInfo(
            urls.Absolute(context.Request, "changes.atom"), urls.Absolute(context.Request, ""), l["Feed.Title.All", l["App.Name"]],
            urls.Absolute(context.Request, "platforms/"));
        await WriteAsync(context, info, entries, l);
    }

    private static async Task PlatformAsync(
        string slug, HttpContext context, CatalogReader catalog, CatalogHistory history, PublicUrls urls, IStringLocalizer<SharedResource> l)
    {
        var snapshot = await catalog.GetAsync(context.RequestAborted);
        if (snapshot.Platforms.FirstOrDefault(p => p.Slug == slug) is not { } platform)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var entries = await history.RecentPublicAsync(EntryCount, slug, context.RequestAborted);
        var page = "platforms/" + Uri.EscapeDataString(slug);
        var info = new FeedInfo(
            urls.Absolute(context.Request, page + "/changes.atom"), urls.Absolute(context.Request, page),
            l["Feed.Title.Platform", platform.Name, l["App.Name"]], urls.Absolute(context.Request, "platforms/"));
        await WriteAsync(context, info, entries, l);
    }

    private static Task WriteAsync(HttpContext context, FeedInfo info, IReadOnlyList<HistoryEntry> entries, IStringLocalizer l)
    {
        var body = ChangeFeed.Write(info, entries, l["App.Name"], l);
        DateTimeOffset? lastModified = entries.Count > 0 ? new DateTimeOffset(entries.Max(e => e.AtUtc), TimeSpan.Zero) : null;
        return ConditionalGet.WriteAsync(context, body, ChangeFeed.ContentType, lastModified);
    }
}
