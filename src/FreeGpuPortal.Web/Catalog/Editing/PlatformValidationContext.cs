namespace FreeGpuPortal.Web.Catalog.Editing;

/// <summary>What validation needs to know beyond the form: today, the reference lists, the slugs in use.</summary>
public sealed record PlatformValidationContext
{
    /// <summary>Today's UTC date: dates after it are refused.</summary>
    public required DateOnly Today { get; init; }

    public required IReadOnlySet<string> GpuModelSlugs { get; init; }

    public required IReadOnlySet<string> FeatureKeys { get; init; }

    /// <summary>Slugs of every other platform (retired ones too).</summary>
    public IReadOnlySet<string> SlugsInUse { get; init; } = new HashSet<string>();

    /// <summary>The platform as saved, when editing; null for a new platform (everything is a change then).</summary>
    public PlatformEditModel? Before { get; init; }

    /// <summary>False for a revert, which restores values together with the evidence they had.</summary>
    public bool RequireEvidenceForSpecChanges { get; init; } = true;
}
