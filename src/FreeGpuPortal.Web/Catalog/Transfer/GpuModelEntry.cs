namespace FreeGpuPortal.Web.Catalog.Transfer;

/// <summary>A GPU model in a catalog file; the optional values at the end arrived later, so older files still read.</summary>
public sealed record GpuModelEntry(
    string Slug, string Name, string? Vendor, string? Architecture, double? MemoryGb, string? MemoryType, string? Note, string? SourceUrl, string? SourceTitle,
    string? NoteZh = null, string? SourceTitleZh = null, DateOnly? SourceAsOf = null);
