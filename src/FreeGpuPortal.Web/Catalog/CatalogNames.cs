namespace FreeGpuPortal.Web.Catalog;

/// <summary>The display names catalog values refer to by key: GPU models by slug, features by key.</summary>
public sealed record CatalogNames(IReadOnlyDictionary<string, string> GpuModels, IReadOnlyDictionary<string, string> Features);
