namespace FreeGpuPortal.Web.Catalog.Transfer;

public sealed record GpuModelEntry(
    string Slug, string Name, string? Vendor, string? Architecture, double? MemoryGb, string? MemoryType, string? Note, string? SourceUrl, string? SourceTitle,
    string? NoteZh = null, string? SourceTitleZh = null);
