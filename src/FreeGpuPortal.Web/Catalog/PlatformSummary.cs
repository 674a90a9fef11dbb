namespace FreeGpuPortal.Web.Catalog;

/// <summary>
/// A platform as the comparison table and the API see it: the entity's values plus what derives from them
/// (GPU memory range, searchable text, offered features). Immutable, so a snapshot can be shared by all requests.
/// </summary>
public sealed record PlatformSummary
{
    public required int Id { get; init; }
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public string? Vendor { get; init; }
    public PlatformStatus Status { get; init; }
    public string? SuccessorSlug { get; init; }
    public required IReadOnlyList<GpuOptionSummary> Gpus { get; init; }
    public string? GpuAvailabilityNote { get; init; }
    public string? GpuAvailabilityNoteZh { get; init; }

    /// <summary>Every spec value of the registry (<see cref="Specs"/>), each its own copy; read with the indexer.</summary>
    public required IReadOnlyDictionary<SpecDefinition, SpecValue> Specs { get; init; }

    public string? CpuModel { get; init; }
    public string? StorageNote { get; init; }
    public string? StorageNoteZh { get; init; }
    public WeeklyQuotaKind WeeklyQuotaKind { get; init; }
    public string? WeeklyQuotaResetRule { get; init; }
    public string? WeeklyQuotaResetRuleZh { get; init; }
    public required IReadOnlyList<FeatureSummary> Features { get; init; }
    public DateOnly? LastVerifiedOn { get; init; }

    /// <summary>Memory every GPU the platform may assign has: unknown when any option's memory is unknown.</summary>
    public double? GpuMemoryGuaranteedGb =>
        Gpus.Count == 0 || Gpus.Any(g => g.MemoryGb is null) ? null : Gpus.Min(g => g.MemoryGb);

    /// <summary>The most memory one of its GPUs has.</summary>
    public double? GpuMemoryPossibleGb => Gpus.Max(g => g.MemoryGb);

    /// <summary>The value of <paramref name="spec"/>: unknown when the platform states none.</summary>
    public SpecValue this[SpecDefinition spec] => Specs.TryGetValue(spec, out var value) ? value : SpecValue.Unknown();

    /// <summary>The platform with <paramref name="spec"/> set to <paramref name="value"/>.</summary>
    public PlatformSummary With(SpecDefinition spec, SpecValue value) =>
        this with { Specs = new Dictionary<SpecDefinition, SpecValue>(Specs) { [spec] = value } };

    public bool Offers(string featureKey) => Features.Any(f => f.Available && f.Key == featureKey);

    public static PlatformSummary From(Platform platform) => new()
    {
        Id = platform.Id,
        Slug = platform.Slug,
        Name = platform.Name,
        Vendor = platform.Vendor,
        Status = platform.Status,
        SuccessorSlug = platform.SuccessorSlug,
        Gpus = [.. platform.Gpus
            .OrderByDescending(g => g.GpuModel.MemoryGb ?? -1)
            .ThenBy(g => g.GpuModel.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => new GpuOptionSummary(
                g.GpuModel.Slug, g.GpuModel.Name, g.GpuModel.MemoryGb, g.GpusPerSession, g.Note, g.SourceUrl, g.SourceTitle, g.AsOf, g.NoteZh))],
        GpuAvailabilityNote = platform.GpuAvailabilityNote,
        GpuAvailabilityNoteZh = platform.GpuAvailabilityNoteZh,
        Specs = Catalog.Specs.All.ToDictionary(s => s, s => s.OnEntity(platform).Clone()),
        CpuModel = platform.CpuModel,
        StorageNote = platform.StorageNote,
        StorageNoteZh = platform.StorageNoteZh,
        WeeklyQuotaKind = platform.WeeklyQuotaKind,
        WeeklyQuotaResetRule = platform.WeeklyQuotaResetRule,
        WeeklyQuotaResetRuleZh = platform.WeeklyQuotaResetRuleZh,
        Features = [.. platform.Features
            .OrderBy(f => f.Feature.DisplayOrder)
            .Select(f => new FeatureSummary(
                f.Feature.Key, f.Feature.Name, f.Available, f.Note, f.SourceUrl, f.SourceTitle, f.AsOf, f.Feature.NameZh, f.NoteZh))],
        LastVerifiedOn = platform.LastVerifiedOn,
    };
}
