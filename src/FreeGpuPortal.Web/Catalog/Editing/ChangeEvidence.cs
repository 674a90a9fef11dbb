namespace FreeGpuPortal.Web.Catalog.Editing;

// An admin's change request: the evidence, and the platform and GPU model requests that carry it.

/// <summary>
/// Why a change is made: a URL showing the new value, or a note on how it was verified. The values a change changes
/// cite it (see <see cref="ValueSources"/>): its URL, its <see cref="Title"/> (or the note when there is no URL), and
/// its <see cref="AsOf"/> date (or the day of the change).
/// </summary>
public sealed class ChangeEvidence
{
    public string? EvidenceUrl { get; set; }
    public string? Note { get; set; }

    /// <summary>What the evidence is called, e.g. "Hardware report #12"; optional.</summary>
    public string? Title { get; set; }

    /// <summary>The day the evidence shows the values as true, when it is not the day of the change.</summary>
    public DateOnly? AsOf { get; set; }

    /// <summary>The visitor's suggestion this change accepts: the save marks it accepted and the history entry links it.</summary>
    public int? SuggestionId { get; set; }

    public static ChangeEvidence None => new();
}

/// <summary>An admin's create or edit: the form's values, the evidence, and who asks.</summary>
public sealed record PlatformChangeRequest(PlatformEditModel Platform, ChangeEvidence Evidence, Auditing.Actor Actor);

/// <summary>An admin's add or edit of a GPU model: the form's values, the evidence, and who asks.</summary>
public sealed record GpuModelChangeRequest(GpuModelEditModel Model, ChangeEvidence Evidence, Auditing.Actor Actor);
