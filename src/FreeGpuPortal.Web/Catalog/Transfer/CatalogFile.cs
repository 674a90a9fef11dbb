using FreeGpuPortal.Web.Catalog.Editing;

namespace FreeGpuPortal.Web.Catalog.Transfer;

/// <summary>The whole catalog as one file: what a maintainer reviews, or moves between instances.</summary>
public sealed record CatalogFile(
    int FormatVersion,
    DateTimeOffset ExportedAtUtc,
    IReadOnlyList<GpuModelEntry> GpuModels,
    IReadOnlyList<FeatureEntry> Features,
    IReadOnlyList<PlatformEditModel> Platforms)
{
    public const int CurrentFormatVersion = 1;
}
