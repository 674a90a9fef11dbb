using Microsoft.Extensions.Options;

namespace FreeGpuPortal.Web.Discovery;

/// <summary>Absolute URLs of the portal's public pages.</summary>
public sealed class PublicUrls(IOptions<PublicSiteOptions> options)
{
    /// <summary>The base URL, ending in "/": the configured one, else <paramref name="requestBase"/>.</summary>
    public string Base(string requestBase)
    {
        var configured = options.Value.PublicBaseUrl;
        var value = string.IsNullOrWhiteSpace(configured) ? requestBase : configured.Trim();
        return value.EndsWith('/') ? value : value + "/";
    }

    public string Base(HttpRequest request) => Base($"{request.Scheme}://{request.Host}{request.PathBase}/");

    /// <summary>An app-relative path ("platforms/kaggle", "" for the home page) made absolute.</summary>
    public string Absolute(string requestBase, string relativePath) =>
        new Uri(new Uri(Base(requestBase)), relativePath.TrimStart('/')).AbsoluteUri;

    public string Absolute(HttpRequest request, string relativePath) =>
        new Uri(new Uri(Base(request)), relativePath.TrimStart('/')).AbsoluteUri;
}
