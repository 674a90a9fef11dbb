namespace FreeGpuPortal.Web.Catalog.Editing;

/// <summary>One spec value as a form edits it: both ends empty means unknown.</summary>
public sealed class SpecEditModel
{
    public double? Min { get; set; }
    public double? Max { get; set; }
    public string? Note { get; set; }
    public string? NoteZh { get; set; }
    public string? SourceUrl { get; set; }
    public string? SourceTitle { get; set; }
    public DateOnly? AsOf { get; set; }

    public static SpecEditModel From(SpecValue value) => new()
    {
        Min = value.Min,
        Max = value.Max,
        Note = value.Note,
        NoteZh = value.NoteZh,
        SourceUrl = value.SourceUrl,
        SourceTitle = value.SourceTitle,
        AsOf = value.AsOf,
    };

    public void CopyTo(SpecValue value)
    {
        value.Min = Min;
        value.Max = Max;
        value.Note = Note;
        value.NoteZh = NoteZh;
        value.SourceUrl = SourceUrl;
        value.SourceTitle = SourceTitle;
        value.AsOf = AsOf;
    }
}
