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
    public string? NoteZh { get; set; }
    public string? SourceUrl { get; set; }
    public string? SourceTitle { get; set; }

    /// <summary>The citation's title in Chinese; the API gives the English one, marked as a fallback, when empty.</summary>
    public string? SourceTitleZh { get; set; }

    /// <summary>The date the cited source's facts are as of; null when the source does not say.</summary>
    public DateOnly? SourceAsOf { get; set; }

    /// <summary>Replaced by every write, so a form opened before another admin's save cannot overwrite it unseen.</summary>
    public Guid ConcurrencyStamp { get; set; }
}
