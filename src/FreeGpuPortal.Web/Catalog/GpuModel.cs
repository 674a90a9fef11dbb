namespace FreeGpuPortal.Web.Catalog;

/// <summary>Reference facts about a GPU model, shared by every platform that may assign it.</summary>
public sealed class GpuModel
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? Vendor { get; set; }
    public string? Architecture { get; set; }
    public double? MemoryGb { get; set; }
    public string? MemoryType { get; set; }
    public string? Note { get; set; }
    public string? SourceUrl { get; set; }
    public string? SourceTitle { get; set; }
}

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
    public string? SourceUrl { get; set; }
    public string? SourceTitle { get; set; }
    public DateOnly? AsOf { get; set; }
}
