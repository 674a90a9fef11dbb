using FreeGpuPortal.Web.Catalog;

namespace FreeGpuPortal.Tests.Support;

/// <summary>Hand-made platforms for cases the seed does not have: big numbers, ties, unknowns, retired platforms.</summary>
public static class SyntheticPlatforms
{
    private static int s_nextId = 1000;

    /// <summary>A platform with every value unknown; set what a test needs with a <c>with</c> expression.</summary>
    public static PlatformSummary Create(string slug, string? name = null) => new()
    {
        Id = Interlocked.Increment(ref s_nextId),
        Slug = slug,
        Name = name ?? slug,
        Gpus = [],
        Specs = Specs.All.ToDictionary(s => s, _ => SpecValue.Unknown()),
        Features = [],
    };

    public static SpecValue Spec(double value) => new() { Min = value, Max = value };

    public static SpecValue Range(double min, double max) => new() { Min = min, Max = max };

    public static GpuOptionSummary Gpu(double? memoryGb, string? name = null)
    {
        var gpuName = name ?? $"GPU {memoryGb?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}";
        return new GpuOptionSummary(gpuName.ToLowerInvariant().Replace(' ', '-'), gpuName, memoryGb, 1, null, null, null, null);
    }

    public static FeatureSummary Feature(string key, bool available = true) => new(key, key, available, null, null, null, null);

    /// <summary>
    /// Sets the value the given sort key reads (and the matching filter compares): null makes it unknown.
    /// GPU memory becomes one GPU of that size; weekly hours a limited quota of that many hours; the date a day number.
    /// </summary>
    public static PlatformSummary WithValue(this PlatformSummary platform, SortKey key, double? value)
    {
        SpecValue SpecOrUnknown() => value is { } v ? Spec(v) : SpecValue.Unknown();
        return key switch
        {
            { Spec: { Display: SpecDisplay.WeeklyQuota } weekly } => platform.With(weekly, SpecOrUnknown()) with
            {
                WeeklyQuotaKind = value is null ? WeeklyQuotaKind.Unknown : WeeklyQuotaKind.Limited,
            },
            { Spec: { } spec } => platform.With(spec, SpecOrUnknown()),
            _ when key == SortKey.GpuMemoryGb => platform with { Gpus = value is null ? [] : [Gpu(value)] },
            _ when key == SortKey.LastVerified => platform with { LastVerifiedOn = value is { } day ? DateOnly.FromDayNumber((int)day) : null },
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Name is not a numeric column."),
        };
    }

    public static string Slugs(this IEnumerable<PlatformSummary> platforms) => string.Join(",", platforms.Select(p => p.Slug));
}
