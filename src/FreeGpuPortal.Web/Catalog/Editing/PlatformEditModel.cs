using System.Text.Json;
using System.Text.Json.Serialization;

namespace FreeGpuPortal.Web.Catalog.Editing;

/// <summary>
/// Everything an admin can edit about a platform, as plain settable properties for a form to bind. Never an entity:
/// <see cref="CatalogEditor"/> validates it and copies it onto the entity, recording each changed field.
/// </summary>
public sealed class PlatformEditModel
{
    /// <summary>The platform's id; 0 for a platform not created yet.</summary>
    public int Id { get; set; }

    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Vendor { get; set; }
    public string? Summary { get; set; }
    public string? Website { get; set; }
    public PlatformStatus Status { get; set; } = PlatformStatus.Active;
    public string? SuccessorSlug { get; set; }
    public string? GpuAvailabilityNote { get; set; }

    public SpecEditModel CpuCount { get; set; } = new();
    public string? CpuModel { get; set; }
    public SpecEditModel RamGb { get; set; } = new();
    public SpecEditModel StorageGb { get; set; } = new();
    public string? StorageNote { get; set; }
    public SpecEditModel MaxSessionHours { get; set; } = new();
    public SpecEditModel IdleTimeoutMinutes { get; set; } = new();

    public WeeklyQuotaKind WeeklyQuotaKind { get; set; } = WeeklyQuotaKind.Unknown;
    public SpecEditModel WeeklyGpuHours { get; set; } = new();
    public string? WeeklyQuotaResetRule { get; set; }

    public List<GpuOptionEditModel> Gpus { get; set; } = [];
    public List<FeatureEditModel> Features { get; set; } = [];
    public List<string> Pros { get; set; } = [];
    public List<string> Cons { get; set; } = [];
    public List<string> GettingStarted { get; set; } = [];
    public List<SourceEditModel> Sources { get; set; } = [];

    public DateOnly? LastVerifiedOn { get; set; }

    /// <summary>The platform's stamp when the form was opened; a save is refused when the platform moved on since.</summary>
    public Guid ConcurrencyStamp { get; set; }

    /// <summary>
    /// The values whose note the admin confirms still holds although the value changes (spec names like
    /// <c>StorageGb</c>, <see cref="ValueSources.GpuKey"/>, <see cref="ValueSources.FeatureKey"/>); any other changed
    /// value loses its old note. A choice of this one save: neither history nor the catalog file carries it.
    /// </summary>
    [JsonIgnore]
    public HashSet<string> NotesStillHold { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The edit model of a platform loaded with its GPU options (and models), features and sources.</summary>
    public static PlatformEditModel From(Platform platform) => new()
    {
        Id = platform.Id,
        Slug = platform.Slug,
        Name = platform.Name,
        Vendor = platform.Vendor,
        Summary = platform.Summary,
        Website = platform.Website,
        Status = platform.Status,
        SuccessorSlug = platform.SuccessorSlug,
        GpuAvailabilityNote = platform.GpuAvailabilityNote,
        CpuCount = SpecEditModel.From(platform.CpuCount),
        CpuModel = platform.CpuModel,
        RamGb = SpecEditModel.From(platform.RamGb),
        StorageGb = SpecEditModel.From(platform.StorageGb),
        StorageNote = platform.StorageNote,
        MaxSessionHours = SpecEditModel.From(platform.MaxSessionHours),
        IdleTimeoutMinutes = SpecEditModel.From(platform.IdleTimeoutMinutes),
        WeeklyQuotaKind = platform.WeeklyQuotaKind,
        WeeklyGpuHours = SpecEditModel.From(platform.WeeklyGpuHours),
        WeeklyQuotaResetRule = platform.WeeklyQuotaResetRule,
        Gpus = [.. platform.Gpus
            .OrderBy(g => g.GpuModel.Slug, StringComparer.Ordinal)
            .Select(g => new GpuOptionEditModel
            {
                GpuModelSlug = g.GpuModel.Slug,
                PerSession = g.GpusPerSession,
                Note = g.Note,
                SourceUrl = g.SourceUrl,
                SourceTitle = g.SourceTitle,
                AsOf = g.AsOf,
            })],
        Features = [.. platform.Features
            .OrderBy(f => f.Feature.Key, StringComparer.Ordinal)
            .Select(f => new FeatureEditModel
            {
                Key = f.Feature.Key,
                Available = f.Available,
                Note = f.Note,
                SourceUrl = f.SourceUrl,
                SourceTitle = f.SourceTitle,
                AsOf = f.AsOf,
            })],
        Pros = [.. platform.Pros],
        Cons = [.. platform.Cons],
        GettingStarted = [.. platform.GettingStarted],
        Sources = [.. platform.Sources
            .OrderBy(s => s.Id)
            .Select(s => new SourceEditModel { Url = s.Url, Title = s.Title, AccessedOn = s.AccessedOn })],
        LastVerifiedOn = platform.LastVerifiedOn,
        ConcurrencyStamp = platform.ConcurrencyStamp,
    };

    /// <summary>A deep copy, so the editor can tidy a request without touching the caller's form.</summary>
    public PlatformEditModel Clone()
    {
        var copy = JsonSerializer.Deserialize<PlatformEditModel>(JsonSerializer.SerializeToUtf8Bytes(this, EditJson.Options), EditJson.Options)!;
        copy.NotesStillHold = new HashSet<string>(NotesStillHold, StringComparer.Ordinal);
        return copy;
    }
}

/// <summary>One spec value as a form edits it: both ends empty means unknown.</summary>
public sealed class SpecEditModel
{
    public double? Min { get; set; }
    public double? Max { get; set; }
    public string? Note { get; set; }
    public string? SourceUrl { get; set; }
    public string? SourceTitle { get; set; }
    public DateOnly? AsOf { get; set; }

    public static SpecEditModel From(SpecValue value) => new()
    {
        Min = value.Min,
        Max = value.Max,
        Note = value.Note,
        SourceUrl = value.SourceUrl,
        SourceTitle = value.SourceTitle,
        AsOf = value.AsOf,
    };

    public void CopyTo(SpecValue value)
    {
        value.Min = Min;
        value.Max = Max;
        value.Note = Note;
        value.SourceUrl = SourceUrl;
        value.SourceTitle = SourceTitle;
        value.AsOf = AsOf;
    }
}

/// <summary>A GPU model the platform may assign, named by the model's slug.</summary>
public sealed class GpuOptionEditModel
{
    public string GpuModelSlug { get; set; } = "";
    public int? PerSession { get; set; }
    public string? Note { get; set; }
    public string? SourceUrl { get; set; }
    public string? SourceTitle { get; set; }
    public DateOnly? AsOf { get; set; }
}

/// <summary>A feature the platform is stated to offer (or stated not to offer); a feature not listed is unknown.</summary>
public sealed class FeatureEditModel
{
    public string Key { get; set; } = "";
    public bool Available { get; set; }
    public string? Note { get; set; }
    public string? SourceUrl { get; set; }
    public string? SourceTitle { get; set; }
    public DateOnly? AsOf { get; set; }
}

/// <summary>A reference about the platform as a whole.</summary>
public sealed class SourceEditModel
{
    public string Url { get; set; } = "";
    public string Title { get; set; } = "";
    public DateOnly? AccessedOn { get; set; }
}

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

/// <summary>A new GPU model for the reference list platforms choose their GPU options from.</summary>
public sealed class GpuModelEditModel
{
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Vendor { get; set; }
    public string? Architecture { get; set; }
    public double? MemoryGb { get; set; }
    public string? MemoryType { get; set; }
    public string? Note { get; set; }
    public string? SourceUrl { get; set; }
    public string? SourceTitle { get; set; }
}
