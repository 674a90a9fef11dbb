namespace FreeGpuPortal.Web.Catalog.Transfer;

/// <summary>
/// One field an import would change: its English label and texts (for scripts and logs), and the typed JSON of both
/// values, which the import page shows in the page's language as the history does.
/// </summary>
public sealed record FieldDifference(string Field, string Label, string Current, string Imported, string? CurrentJson = null, string? ImportedJson = null);
