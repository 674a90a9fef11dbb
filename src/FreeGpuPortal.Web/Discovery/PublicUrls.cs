using FreeGpuPortal.Web.Localization;

using Microsoft.Extensions.Options;

namespace FreeGpuPortal.Web.Discovery;

// The portal's public addresses, and the "Site" settings they read.

/// <summary>Absolute URLs of the portal's public pages.</summary>
public sealed class PublicUrls(IOptions<PublicSiteOptions> options)
{
    /// <summary>The base URL, ending in "/": the configured one, else <paramref name="requestBase"/>.</summary>
    public string Base(string requestBase)
    {
        var configured = options.Value.PublicBaseUrl;
        if (string.IsNullOrWhiteSpace(configured))
        {
            return requestBase.EndsWith('/') ? requestBase : requestBase + "/";
        }

        // The configured address is the site's root; a Chinese page's base keeps its language prefix under it.
        var root = configured.Trim();
        return LanguageUrls.BaseFor(root.EndsWith('/') ? root : root + "/", LanguageUrls.LanguageOfBase(requestBase));
    }

    public string Base(HttpRequest request) => Base($"{request.Scheme}://{request.Host}{request.PathBase}/");

    /// <summary>An app-relative path ("platforms/kaggle", "" for the home page) made absolute.</summary>
    public string Absolute(string requestBase, string relativePath) =>
        new Uri(new Uri(Base(requestBase)), relativePath.TrimStart('/')).AbsoluteUri;

    public string Absolute(HttpRequest request, string relativePath) =>
        new Uri(new Uri(Base(request)), relativePath.TrimStart('/')).AbsoluteUri;
}

/// <summary>Settings under "Site".</summary>
public sealed class PublicSiteOptions
{
    public const string Section = "Site";

    /// <summary>
    /// The portal's public address (e.g. <c>https://freegpuportal.example/</c>) for canonical links, the sitemap, the
    /// feeds and the dataset description. Unset, the address each request came to is used; set it in production so
    /// these links do not depend on the Host header.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}
