namespace FreeGpuPortal.Web.Catalog.Editing;

/// <summary>A new GPU model for the reference list platforms choose their GPU options from.</summary>
public sealed class GpuModelEditModel
{
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Vendor { get; set; }
    public string? Architecture { get; set; }
    public double? MemoryGb { get; set; }
    public string? MemoryType { get; set; }
    public string? Note { get; set; }
    public string? NoteZh { get; set; }
    public string? SourceUrl { get; set; }
    public string? SourceTitle { get; set; }
    public string? SourceTitleZh { get; set; }
}
