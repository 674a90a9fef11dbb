namespace FreeGpuPortal.Web.Catalog.Editing;

/// <summary>One GPU model in the admin list, with the platforms offering it (any status), by name.</summary>
public sealed record GpuModelAdminRow(
    int Id,
    Guid ConcurrencyStamp,
    string Slug,
    string Name,
    string? Vendor,
    string? Architecture,
    double? MemoryGb,
    string? MemoryType,
    string? SourceUrl,
    string? SourceTitle,
    DateOnly? SourceAsOf,
    IReadOnlyList<GpuModelPlatform> Platforms);

public sealed record GpuModelPlatform(string Slug, string Name);
