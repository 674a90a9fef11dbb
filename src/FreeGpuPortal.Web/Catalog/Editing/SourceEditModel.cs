namespace FreeGpuPortal.Web.Catalog.Editing;

/// <summary>A reference about the platform as a whole.</summary>
public sealed class SourceEditModel
{
    public string Url { get; set; } = "";
    public string Title { get; set; } = "";
    public string? TitleZh { get; set; }
    public DateOnly? AccessedOn { get; set; }
}
