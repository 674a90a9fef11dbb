using System.Globalization;
using System.Text;

namespace FreeGpuPortal.Web.Catalog;

/// <summary>
/// The filters and sort order of the comparison table — the single definition the page and the API share, so
/// the same query string can never give two different answers. Everything runs over a <see cref="CatalogSnapshot"/>.
/// Ranges compare by their guaranteed end (the minimum); GPU memory in <see cref="GpuMemoryMode.Possible"/> mode
/// by its maximum; "no weekly quota" counts as unlimited; unknown matches no filter and sorts last both ways.
/// </summary>
public sealed record PlatformQuery
{
    public const string TextParameter = "q";
    public const string MinGpuMemoryParameter = "minGpuMemoryGb";
    public const string GpuMemoryModeParameter = "gpuMemory";
    public const string MinSessionHoursParameter = "minSessionHours";
    public const string MinIdleMinutesParameter = "minIdleMinutes";
    public const string MinWeeklyGpuHoursParameter = "minWeeklyGpuHours";
    public const string FeaturesParameter = "features";
    public const string StatusParameter = "status";
    public const string SortParameter = "sort";

    public static readonly PlatformQuery Default = new();

    public string? Text { get; init; }
    public double? MinGpuMemoryGb { get; init; }
    public GpuMemoryMode GpuMemoryMode { get; init; } = GpuMemoryMode.Guaranteed;
    public double? MinSessionHours { get; init; }
    public double? MinIdleMinutes { get; init; }
    public double? MinWeeklyGpuHours { get; init; }
    public IReadOnlyList<string> Features { get; init; } = [];
    public bool IncludeRetired { get; init; }
    public PlatformSort Sort { get; init; } = PlatformSort.Default;

    public bool HasFilters => ActiveFilterCount > 0;

    /// <summary>How many filters narrow the list: the search text, each minimum and each required feature.</summary>
    public int ActiveFilterCount =>
        (Text is not null ? 1 : 0) + (MinGpuMemoryGb is not null ? 1 : 0) + (MinSessionHours is not null ? 1 : 0)
        + (MinIdleMinutes is not null ? 1 : 0) + (MinWeeklyGpuHours is not null ? 1 : 0) + Features.Count;

    public IReadOnlyList<PlatformSummary> Apply(IEnumerable<PlatformSummary> platforms)
    {
        var matches = platforms.Where(Matches).ToList();
        matches.Sort(Compare);
        return matches;
    }

    public bool Matches(PlatformSummary platform) =>
        (IncludeRetired || !platform.Status.IsRetired())
        && MatchesText(platform)
        && AtLeast(GpuMemoryGb(platform), MinGpuMemoryGb)
        && AtLeast(platform.MaxSessionHours.Guaranteed, MinSessionHours)
        && AtLeast(platform.IdleTimeoutMinutes.Guaranteed, MinIdleMinutes)
        && AtLeast(WeeklyGpuHours(platform), MinWeeklyGpuHours)
        && Features.All(platform.Offers);

    /// <summary>Orders two platforms by the sort key; unknown values go last in both directions, ties by name.</summary>
    public int Compare(PlatformSummary? x, PlatformSummary? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? 1 : -1;
        }

        var direction = Sort.Descending ? -1 : 1;
        if (Sort.Key == SortKey.Name)
        {
            var byName = CompareNames(x, y) * direction;
            return byName != 0 ? byName : string.CompareOrdinal(x.Slug, y.Slug);
        }

        var (vx, vy) = (SortValue(x), SortValue(y));
        var byValue = (vx, vy) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            _ => vx.Value.CompareTo(vy.Value) * direction,
        };
        if (byValue != 0)
        {
            return byValue;
        }

        var tie = CompareNames(x, y);
        return tie != 0 ? tie : string.CompareOrdinal(x.Slug, y.Slug);
    }

    /// <summary>The value a platform is sorted by for the current sort key; null when unknown.</summary>
    public double? SortValue(PlatformSummary platform) => Sort.Key switch
    {
        SortKey.GpuMemoryGb => GpuMemoryGb(platform),
        SortKey.SessionHours => platform.MaxSessionHours.Guaranteed,
        SortKey.IdleMinutes => platform.IdleTimeoutMinutes.Guaranteed,
        SortKey.WeeklyGpuHours => WeeklyGpuHours(platform),
        SortKey.CpuCores => platform.CpuCount.Guaranteed,
        SortKey.RamGb => platform.RamGb.Guaranteed,
        SortKey.StorageGb => platform.StorageGb.Guaranteed,
        SortKey.LastVerified => platform.LastVerifiedOn?.DayNumber,
        _ => null,
    };

    public double? GpuMemoryGb(PlatformSummary platform) =>
        GpuMemoryMode == GpuMemoryMode.Possible ? platform.GpuMemoryPossibleGb : platform.GpuMemoryGuaranteedGb;

    /// <summary>Weekly GPU hours a user can count on; no quota at all counts as unlimited.</summary>
    public static double? WeeklyGpuHours(PlatformSummary platform) => platform.WeeklyQuotaKind switch
    {
        WeeklyQuotaKind.NoQuota => double.PositiveInfinity,
        WeeklyQuotaKind.Limited => platform.WeeklyGpuHours.Guaranteed,
        _ => null,
    };

    /// <summary>Clicking a column header: ascending first, the other direction when it is already sorted by it.</summary>
    public PlatformQuery ToggleSort(SortKey key) =>
        this with { Sort = new PlatformSort(key, Sort.Key == key && !Sort.Descending) };

    /// <summary>The canonical query string ("?a=1&amp;b=2", or "" for the default view); defaults are left out.</summary>
    public string ToQueryString()
    {
        var parts = new List<KeyValuePair<string, string>>();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                parts.Add(new(name, value));
            }
        }

        Add(TextParameter, Text);
        Add(MinGpuMemoryParameter, FormatNumber(MinGpuMemoryGb));
        Add(GpuMemoryModeParameter, GpuMemoryMode == GpuMemoryMode.Possible ? "possible" : null);
        Add(MinSessionHoursParameter, FormatNumber(MinSessionHours));
        Add(MinIdleMinutesParameter, FormatNumber(MinIdleMinutes));
        Add(MinWeeklyGpuHoursParameter, FormatNumber(MinWeeklyGpuHours));
        Add(FeaturesParameter, Features.Count > 0 ? string.Join(',', Features) : null);
        Add(StatusParameter, IncludeRetired ? "all" : null);
        Add(SortParameter, Sort == PlatformSort.Default ? null : Sort.ToParameter());

        if (parts.Count == 0)
        {
            return "";
        }

        var builder = new StringBuilder("?");
        foreach (var (name, value) in parts)
        {
            if (builder.Length > 1)
            {
                builder.Append('&');
            }

            // Commas stay readable in shared links; everything else is escaped.
            builder.Append(name).Append('=').Append(Uri.EscapeDataString(value).Replace("%2C", ",", StringComparison.Ordinal));
        }

        return builder.ToString();
    }

    public static string SortKeyName(SortKey key) => key switch
    {
        SortKey.Name => "name",
        SortKey.GpuMemoryGb => "gpuMemoryGb",
        SortKey.SessionHours => "sessionHours",
        SortKey.IdleMinutes => "idleMinutes",
        SortKey.WeeklyGpuHours => "weeklyGpuHours",
        SortKey.CpuCores => "cpuCores",
        SortKey.RamGb => "ramGb",
        SortKey.StorageGb => "storageGb",
        SortKey.LastVerified => "lastVerified",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };

    public static string? FormatNumber(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    private bool MatchesText(PlatformSummary platform)
    {
        if (Text is null)
        {
            return true;
        }

        foreach (var term in Text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var found = Contains(platform.Name, term) || Contains(platform.Vendor, term) || Contains(platform.Slug, term)
                || platform.Gpus.Any(g => Contains(g.Name, term) || Contains(g.Slug, term));
            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Contains(string? haystack, string term) =>
        haystack is not null && haystack.Contains(term, StringComparison.OrdinalIgnoreCase);

    private static bool AtLeast(double? value, double? minimum) => minimum is null || value >= minimum;

    private static int CompareNames(PlatformSummary x, PlatformSummary y) =>
        string.Compare(x.Name, y.Name, StringComparison.OrdinalIgnoreCase);
}
