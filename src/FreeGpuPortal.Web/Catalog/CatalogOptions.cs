namespace FreeGpuPortal.Web.Catalog;

/// <summary>The <c>Catalog</c> configuration section.</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    /// <summary>A value whose as-of date is older than this many days, or that has none, "may be out of date".</summary>
    public int StaleAfterDays { get; set; } = 180;
}
