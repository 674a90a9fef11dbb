namespace FreeGpuPortal.Web.Localization;

/// <summary>
/// Addresses of one page in either language. Pages link relative to their base (<c>&lt;base href&gt;</c> is
/// <c>/zh-CN/</c> on a Chinese page), so only links that change language need this: the language switch, the
/// hreflang alternates and the canonical links.
/// </summary>
public static class LanguageUrls
{
    private const string ChineseSegment = PortalLanguages.Chinese + "/";

    /// <summary>The language whose base a base URI ("https://host/zh-CN/") is.</summary>
    public static string LanguageOfBase(string baseUri) =>
        BasePath(baseUri).EndsWith("/" + ChineseSegment, StringComparison.Ordinal) ? PortalLanguages.Chinese : PortalLanguages.English;

    /// <summary>The site's root for a page's base URI: "https://host/zh-CN/" gives "https://host/".</summary>
    public static string SiteRoot(string baseUri)
    {
        var value = baseUri.EndsWith('/') ? baseUri : baseUri + "/";
        return LanguageOfBase(value) == PortalLanguages.Chinese ? value[..^ChineseSegment.Length] : value;
    }

    /// <summary>The base of <paramref name="language"/>'s pages under a site root ending in "/".</summary>
    public static string BaseFor(string siteRoot, string language) =>
        language == PortalLanguages.Chinese ? siteRoot + ChineseSegment : siteRoot;

    /// <summary>
    /// A page's address (path and query relative to its base: "platforms/kaggle?x=1", "" for the home page) in
    /// <paramref name="language"/>, from the base URI of the page being shown.
    /// </summary>
    public static string For(string baseUri, string language, string relativePathAndQuery) =>
        BaseFor(SiteRoot(baseUri), language) + relativePathAndQuery.TrimStart('/');

    private static string BasePath(string baseUri) =>
        Uri.TryCreate(baseUri, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : baseUri;

    /// <summary>As <see cref="For"/>, as a path from the host's root ("/zh-CN/platforms/kaggle"): a link on the page.</summary>
    public static string PathFor(string baseUri, string language, string relativePathAndQuery) =>
        new Uri(For(baseUri, language, relativePathAndQuery)).PathAndQuery;

    /// <summary>
    /// The current page's path and query relative to its base (<paramref name="uri"/> under <paramref name="baseUri"/>),
    /// without the fragment, and without any parameter whose value is longer than <see cref="MaxKeptValueLength"/>.
    /// </summary>
    public static string RelativePathAndQuery(string baseUri, string uri)
    {
        var relative = uri.StartsWith(baseUri, StringComparison.OrdinalIgnoreCase)
            ? uri[baseUri.Length..]
            : Uri.TryCreate(uri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery.TrimStart('/') : uri;
        var fragment = relative.IndexOf('#', StringComparison.Ordinal);
        return WithoutOverlongValues(fragment < 0 ? relative : relative[..fragment]);
    }

    /// <summary>
    /// No page takes a parameter value longer than the catalog query's longest text; a longer one is ignored with a
    /// notice. The other language's address drops it rather than echo up to the request's length limit into every link.
    /// </summary>
    public const int MaxKeptValueLength = Catalog.PlatformQueryParser.MaxTextLength;

    private static string WithoutOverlongValues(string relativePathAndQuery)
    {
        var start = relativePathAndQuery.IndexOf('?', StringComparison.Ordinal);
        if (start < 0)
        {
            return relativePathAndQuery;
        }

        var kept = relativePathAndQuery[(start + 1)..]
            .Split('&')
            .Where(parameter => DecodedValueLength(parameter) <= MaxKeptValueLength)
            .ToList();
        var path = relativePathAndQuery[..start];
        return kept.Count == 0 ? path : path + "?" + string.Join('&', kept);
    }

    private static int DecodedValueLength(string parameter)
    {
        var equals = parameter.IndexOf('=', StringComparison.Ordinal);
        var value = equals < 0 ? "" : parameter[(equals + 1)..];
        return value.Length <= MaxKeptValueLength ? value.Length : Uri.UnescapeDataString(value.Replace('+', ' ')).Length;
    }

    /// <summary>The path alone, as canonical links and hreflang alternates name a page.</summary>
    public static string WithoutQuery(string relativePathAndQuery)
    {
        var end = relativePathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return end < 0 ? relativePathAndQuery : relativePathAndQuery[..end];
    }
}
