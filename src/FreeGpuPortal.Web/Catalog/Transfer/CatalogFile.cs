using FreeGpuPortal.Web.Catalog.Editing;

namespace FreeGpuPortal.Web.Catalog.Transfer;

// The catalog file's format: the file, and its GPU model and feature entries.

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

/// <summary>A GPU model in a catalog file; the optional values at the end arrived later, so older files still read.</summary>
public sealed record GpuModelEntry(
    string Slug, string Name, string? Vendor, string? Architecture, double? MemoryGb, string? MemoryType, string? Note, string? SourceUrl, string? SourceTitle,
    string? NoteZh = null, string? SourceTitleZh = null, DateOnly? SourceAsOf = null);

public sealed record FeatureEntry(string Key, string Name, string? Description, string? NameZh = null, string? DescriptionZh = null);
