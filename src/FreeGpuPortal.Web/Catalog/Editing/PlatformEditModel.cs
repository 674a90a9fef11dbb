using System.Text.Json;
using System.Text.Json.Serialization;

namespace FreeGpuPortal.Web.Catalog.Editing;

// The platform form's values: the platform, and its references, GPU options and features.

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
    public string? SummaryZh { get; set; }
    public string? Website { get; set; }
    public PlatformStatus Status { get; set; } = PlatformStatus.Active;
    public string? SuccessorSlug { get; set; }
    public string? GpuAvailabilityNote { get; set; }
    public string? GpuAvailabilityNoteZh { get; set; }

    public SpecEditModel CpuCount { get; set; } = new();
    public string? CpuModel { get; set; }
    public SpecEditModel RamGb { get; set; } = new();
    public SpecEditModel StorageGb { get; set; } = new();
    public string? StorageNote { get; set; }
    public string? StorageNoteZh { get; set; }
    public SpecEditModel MaxSessionHours { get; set; } = new();
    public SpecEditModel IdleTimeoutMinutes { get; set; } = new();

    public WeeklyQuotaKind WeeklyQuotaKind { get; set; } = WeeklyQuotaKind.Unknown;
    public SpecEditModel WeeklyGpuHours { get; set; } = new();
    public string? WeeklyQuotaResetRule { get; set; }
    public string? WeeklyQuotaResetRuleZh { get; set; }

    public List<GpuOptionEditModel> Gpus { get; set; } = [];
    public List<FeatureEditModel> Features { get; set; } = [];
    public List<string> Pros { get; set; } = [];
    public List<string> Cons { get; set; } = [];
    public List<string> GettingStarted { get; set; } = [];
    public List<string> ProsZh { get; set; } = [];
    public List<string> ConsZh { get; set; } = [];
    public List<string> GettingStartedZh { get; set; } = [];
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
    /// <summary>The edit model of a platform loaded with its GPU options (and models), features and sources.</summary>
    public static PlatformEditModel From(Platform platform)
    {
        var model = Unspecified(platform);
        foreach (var spec in Specs.All)
        {
            spec.SetOnEditModel(model, SpecEditModel.From(spec.OnEntity(platform)));
        }

        return model;
    }

    /// <summary>Everything but the spec values, which <see cref="From"/> copies through the registry.</summary>
    private static PlatformEditModel Unspecified(Platform platform) => new()
    {
        Id = platform.Id,
        Slug = platform.Slug,
        Name = platform.Name,
        Vendor = platform.Vendor,
        Summary = platform.Summary,
        SummaryZh = platform.SummaryZh,
        Website = platform.Website,
        Status = platform.Status,
        SuccessorSlug = platform.SuccessorSlug,
        GpuAvailabilityNote = platform.GpuAvailabilityNote,
        GpuAvailabilityNoteZh = platform.GpuAvailabilityNoteZh,
        CpuModel = platform.CpuModel,
        StorageNote = platform.StorageNote,
        StorageNoteZh = platform.StorageNoteZh,
        WeeklyQuotaKind = platform.WeeklyQuotaKind,
        WeeklyQuotaResetRule = platform.WeeklyQuotaResetRule,
        WeeklyQuotaResetRuleZh = platform.WeeklyQuotaResetRuleZh,
        Gpus = [.. platform.Gpus
            .OrderBy(g => g.GpuModel.Slug, StringComparer.Ordinal)
            .Select(g => new GpuOptionEditModel
            {
                GpuModelSlug = g.GpuModel.Slug,
                PerSession = g.GpusPerSession,
                Note = g.Note,
                NoteZh = g.NoteZh,
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
                NoteZh = f.NoteZh,
                SourceUrl = f.SourceUrl,
                SourceTitle = f.SourceTitle,
                AsOf = f.AsOf,
            })],
        Pros = [.. platform.Pros],
        Cons = [.. platform.Cons],
        GettingStarted = [.. platform.GettingStarted],
        ProsZh = [.. platform.ProsZh],
        ConsZh = [.. platform.ConsZh],
        GettingStartedZh = [.. platform.GettingStartedZh],
        Sources = [.. platform.Sources
            .OrderBy(s => s.Id)
            .Select(s => new SourceEditModel { Url = s.Url, Title = s.Title, TitleZh = s.TitleZh, AccessedOn = s.AccessedOn })],
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

/// <summary>A reference about the platform as a whole.</summary>
public sealed class SourceEditModel
{
    public string Url { get; set; } = "";
    public string Title { get; set; } = "";
    public string? TitleZh { get; set; }
    public DateOnly? AccessedOn { get; set; }
}

/// <summary>A GPU model the platform may assign, named by the model's slug.</summary>
public sealed class GpuOptionEditModel
{
    public string GpuModelSlug { get; set; } = "";
    public int? PerSession { get; set; }
    public string? Note { get; set; }
    public string? NoteZh { get; set; }
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
    public string? NoteZh { get; set; }
    public string? SourceUrl { get; set; }
    public string? SourceTitle { get; set; }
    public DateOnly? AsOf { get; set; }
}
