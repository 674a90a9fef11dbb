namespace FreeGpuPortal.Web.Catalog;

/// <summary>A reference about the platform as a whole (pricing page, FAQ, the article).</summary>
public sealed class PlatformSource
{
    public int Id { get; set; }
    public int PlatformId { get; set; }
    public required string Url { get; set; }
    public required string Title { get; set; }

    /// <summary>The title in Chinese, where a translation helps the reader; else the title shows as it is.</summary>
    public string? TitleZh { get; set; }
    public DateOnly? AccessedOn { get; set; }
}
