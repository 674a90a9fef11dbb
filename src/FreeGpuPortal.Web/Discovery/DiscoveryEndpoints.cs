using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

using FreeGpuPortal.Web.Api;
using FreeGpuPortal.Web.Data;
using FreeGpuPortal.Web.Hosting;
using FreeGpuPortal.Web.Localization;

using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.Discovery;

/// <summary>
/// For search engines: <c>/sitemap.xml</c> (the home page, each platform page, the API page, in English and in Chinese) and <c>/robots.txt</c>
/// (everything but the admin area and the account pages, and where the sitemap is). Both cached like the public pages.
/// </summary>
public static class DiscoveryEndpoints
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static IHostApplicationBuilder AddDiscovery(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<PublicSiteOptions>(builder.Configuration.GetSection(PublicSiteOptions.Section));
        builder.Services.AddSingleton<PublicUrls>();
        builder.Services.AddSingleton<CatalogDataset>();
        return builder;
    }

    public static IEndpointRouteBuilder MapDiscovery(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/sitemap.xml", SitemapAsync).CacheOutput(PublicPageCachingExtensions.PolicyName).ExcludeFromDescription();
        endpoints.MapGet("/robots.txt", RobotsAsync).CacheOutput(PublicPageCachingExtensions.PolicyName).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task SitemapAsync(HttpContext context, IDbContextFactory<CatalogDbContext> contextFactory, PublicUrls urls)
    {
        await using var db = await contextFactory.CreateDbContextAsync(context.RequestAborted);
        var platforms = await db.Platforms.AsNoTracking().OrderBy(p => p.Slug).Select(p => p.Slug).ToListAsync(context.RequestAborted);
        var lastChanges = await db.CatalogChanges.AsNoTracking()
            .GroupBy(c => c.Platform!.Slug)
            .Select(g => new { Slug = g.Key, At = g.Max(c => c.AtUtc) })
            .ToDictionaryAsync(g => g.Slug, g => g.At, context.RequestAborted);
        DateTime? catalogChanged = lastChanges.Count > 0 ? lastChanges.Values.Max() : null;

        // Every page in both languages: English at the root, Chinese under zh-CN/.
        var languages = PortalLanguages.All.Select(l => l == PortalLanguages.Chinese ? PortalLanguages.Chinese + "/" : "").ToList();
        var set = new XElement(
            Sitemap + "urlset",
            languages.Select(prefix => Url(urls.Absolute(context.Request, prefix), catalogChanged)),
            languages.SelectMany(prefix => platforms.Select(slug =>
                Url(urls.Absolute(context.Request, prefix + "platforms/" + Uri.EscapeDataString(slug)), lastChanges.GetValueOrDefault(slug)))),
            languages.Select(prefix => Url(urls.Absolute(context.Request, prefix + "api"), null)));
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new XDocument(new XDeclaration("1.0", "utf-8", null), set).Save(writer);
        }

        await ConditionalGet.WriteAsync(context, stream.ToArray(), "application/xml; charset=utf-8");
    }

    private static XElement Url(string location, DateTime? lastModified) => new(
        Sitemap + "url",
        new XElement(Sitemap + "loc", location),
        lastModified is { } at
            ? new XElement(Sitemap + "lastmod", DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            : null);

    private static Task RobotsAsync(HttpContext context, PublicUrls urls)
    {
        // Paths in robots.txt are case-sensitive; the app's routes are not.
        var text = $"""
            User-agent: *
            Disallow: /admin
            Disallow: /Admin
            Disallow: /Account
            Disallow: /account
            Disallow: /zh-CN/admin
            Disallow: /zh-CN/Admin
            Disallow: /zh-CN/Account
            Disallow: /zh-CN/account
            Allow: /

            Sitemap: {urls.Absolute(context.Request, "sitemap.xml")}

            """;
        return ConditionalGet.WriteAsync(context, Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal)), "text/plain; charset=utf-8");
    }
}
