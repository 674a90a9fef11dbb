namespace FreeGpuPortal.Web.Catalog;

/// <summary>A GPU model a platform may assign to a session, and how many of it.</summary>
public sealed class PlatformGpu
{
    public int Id { get; set; }
    public int PlatformId { get; set; }
    public int GpuModelId { get; set; }
    public GpuModel GpuModel { get; set; } = null!;
    public int? GpusPerSession { get; set; }

    /// <summary>An observation about this option, e.g. "the author was assigned a K80 with about 12 GB".</summary>
    public string? Note { get; set; }
    public string? NoteZh { get; set; }
    public string? SourceUrl { get; set; }
    public string? SourceTitle { get; set; }
    public DateOnly? AsOf { get; set; }
}
