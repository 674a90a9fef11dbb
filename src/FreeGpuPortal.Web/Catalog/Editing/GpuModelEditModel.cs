using FreeGpuPortal.Web.Catalog.Transfer;

namespace FreeGpuPortal.Web.Catalog.Editing;

/// <summary>A GPU model of the reference list platforms choose their GPU options from, as its admin form edits it.</summary>
public sealed class GpuModelEditModel
{
    /// <summary>0 for a new model.</summary>
    public int Id { get; set; }

    /// <summary>The stamp the form opened with; a save with an older one is refused as a conflict.</summary>
    public Guid ConcurrencyStamp { get; set; }

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
    public DateOnly? SourceAsOf { get; set; }

    public static GpuModelEditModel From(GpuModel model) => new()
    {
        Id = model.Id,
        ConcurrencyStamp = model.ConcurrencyStamp,
        Slug = model.Slug,
        Name = model.Name,
        Vendor = model.Vendor,
        Architecture = model.Architecture,
        MemoryGb = model.MemoryGb,
        MemoryType = model.MemoryType,
        Note = model.Note,
        NoteZh = model.NoteZh,
        SourceUrl = model.SourceUrl,
        SourceTitle = model.SourceTitle,
        SourceTitleZh = model.SourceTitleZh,
        SourceAsOf = model.SourceAsOf,
    };

    public static GpuModelEditModel From(GpuModelEntry entry) => new()
    {
        Slug = entry.Slug,
        Name = entry.Name,
        Vendor = entry.Vendor,
        Architecture = entry.Architecture,
        MemoryGb = entry.MemoryGb,
        MemoryType = entry.MemoryType,
        Note = entry.Note,
        NoteZh = entry.NoteZh,
        SourceUrl = entry.SourceUrl,
        SourceTitle = entry.SourceTitle,
        SourceTitleZh = entry.SourceTitleZh,
        SourceAsOf = entry.SourceAsOf,
    };

    /// <summary>The values as a catalog file carries them: the shape history compares (<see cref="ReferenceImport.Changes(GpuModelEntry, GpuModelEntry)"/>).</summary>
    public GpuModelEntry ToEntry() =>
        new(Slug, Name, Vendor, Architecture, MemoryGb, MemoryType, Note, SourceUrl, SourceTitle, NoteZh, SourceTitleZh, SourceAsOf);

    public GpuModelEditModel Clone() => (GpuModelEditModel)MemberwiseClone();
}
