namespace FreeGpuPortal.Web.Catalog;

public sealed class PlatformFeature
{
    public int Id { get; set; }
    public int PlatformId { get; set; }
    public int FeatureId { get; set; }
    public Feature Feature { get; set; } = null!;

    /// <summary>Stated as offered or stated as not offered; a feature without a row is unknown.</summary>
    public bool Available { get; set; }
    public string? Note { get; set; }
    public string? NoteZh { get; set; }
    public string? SourceUrl { get; set; }
    public string? SourceTitle { get; set; }
    public DateOnly? AsOf { get; set; }
}
