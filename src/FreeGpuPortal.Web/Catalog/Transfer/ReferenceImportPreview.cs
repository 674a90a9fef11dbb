namespace FreeGpuPortal.Web.Catalog.Transfer;

/// <summary>A feature or GPU model whose texts or facts an import changes, with what it changes.</summary>
public sealed record ReferenceImportPreview(ReferenceTable Table, string Key, string Name, IReadOnlyList<FieldDifference> Differences);
