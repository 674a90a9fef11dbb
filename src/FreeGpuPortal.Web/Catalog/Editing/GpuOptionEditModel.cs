namespace FreeGpuPortal.Web.Catalog.Editing;

/// <summary>A GPU model the platform may assign, named by the model's slug.</summary>
public sealed class GpuOptionEditModel
{
    public string GpuModelSlug { get; set; } = "";
    public int? PerSession { get; set; }
    public string? Note { get; set; }
    public string? NoteZh { get; set; }
    public string? SourceUrl { get; set; }
    public string? SourceTitle { get; set; }
    public DateOnly? AsOf { get; set; }
}
