namespace FreeGpuPortal.Web.Catalog;

public sealed record FeatureInfo(string Key, string Name, string? Description, string? NameZh = null, string? DescriptionZh = null);
