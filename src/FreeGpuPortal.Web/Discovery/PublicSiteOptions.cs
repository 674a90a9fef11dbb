namespace FreeGpuPortal.Web.Discovery;

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
