namespace FreeGpuPortal.Web.Catalog;

/// <summary>The whole catalog as read-only summaries, plus the feature list the filters offer.</summary>
public sealed record CatalogSnapshot(IReadOnlyList<PlatformSummary> Platforms, IReadOnlyList<FeatureInfo> Features)
{
    public IReadOnlySet<string> FeatureKeys { get; } = Features.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>The Chinese titles of cited documents, from every platform's source list.</summary>
    public SourceTitles SourceTitles { get; init; } = SourceTitles.Empty;
}
