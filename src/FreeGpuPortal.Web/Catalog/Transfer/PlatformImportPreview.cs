namespace FreeGpuPortal.Web.Catalog.Transfer;

public sealed record PlatformImportPreview(
    string Slug, string Name, PlatformImportKind Kind, IReadOnlyList<FieldDifference> Differences, IReadOnlyDictionary<string, string[]> Errors);
