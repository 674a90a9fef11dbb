namespace FreeGpuPortal.Web.Catalog.Transfer;

public sealed record FeatureEntry(string Key, string Name, string? Description, string? NameZh = null, string? DescriptionZh = null);
