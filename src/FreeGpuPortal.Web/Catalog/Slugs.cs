namespace FreeGpuPortal.Web.Catalog;

/// <summary>
/// The one rule for platform and feature slugs in addresses (the table's filters, platform and report pages, compare,
/// the API): a slug matches whatever its case, and its canonical form is lower case, the only form the catalog
/// stores. Pages and API answer a non-canonical address with a permanent redirect to the canonical one
/// (<c>CanonicalSlugExtensions</c>), so every platform has one address.
/// </summary>
public static class Slugs
{
    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    public static string Canonical(string slug) => slug.ToLowerInvariant();

    public static bool IsCanonical(string slug) => string.Equals(slug, Canonical(slug), StringComparison.Ordinal);
}
