namespace FreeGpuPortal.Web.Catalog.Editing;

/// <summary>A feature the platform is stated to offer (or stated not to offer); a feature not listed is unknown.</summary>
public sealed class FeatureEditModel
{
    public string Key { get; set; } = "";
    public bool Available { get; set; }
    public string? Note { get; set; }
    public string? NoteZh { get; set; }
    public string? SourceUrl { get; set; }
    public string? SourceTitle { get; set; }
    public DateOnly? AsOf { get; set; }
}
