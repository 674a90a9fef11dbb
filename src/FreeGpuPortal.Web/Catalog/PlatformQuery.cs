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
    public const string FeaturesParameter = "features";
    public const string StatusParameter = "status";
    public const string SortParameter = "sort";

    public static readonly PlatformQuery Default = new();

    public string? Text { get; init; }
    public double? MinGpuMemoryGb { get; init; }
    public GpuMemoryMode GpuMemoryMode { get; init; } = GpuMemoryMode.Guaranteed;

    /// <summary>The spec filters: at least this much of each spec whose <see cref="SpecDefinition.FilterParameter"/> is given.</summary>
    public SpecMinimums Minimums { get; init; } = SpecMinimums.None;
    public IReadOnlyList<string> Features { get; init; } = [];
    public bool IncludeRetired { get; init; }
    public PlatformSort Sort { get; init; } = PlatformSort.Default;

    public bool HasFilters => ActiveFilterCount > 0;

    /// <summary>How many filters narrow the list: the search text, each minimum and each required feature.</summary>
    public int ActiveFilterCount =>
        (Text is not null ? 1 : 0) + (MinGpuMemoryGb is not null ? 1 : 0) + Minimums.Count + Features.Count;

    /// <summary>The specs visitors can filter by, in the order the filter panel and the query string give them.</summary>
    public static IReadOnlyList<SpecDefinition> FilterableSpecs { get; } = [.. Specs.All.Where(s => s.FilterParameter is not null).OrderBy(s => s.SortRank)];

    /// <summary>The minimum asked of <paramref name="spec"/>, or null.</summary>
    public double? Minimum(SpecDefinition spec) => Minimums[spec];

    /// <summary>The query with the minimum of <paramref name="spec"/> set, or removed when null.</summary>
    public PlatformQuery WithMinimum(SpecDefinition spec, double? minimum) => this with { Minimums = Minimums.With(spec, minimum) };

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
        && Minimums.All(m => AtLeast(Comparable(platform, m.Spec), m.Minimum))
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
        if (Sort.Key == SortKey.ByName)
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
        { Spec: { } spec } => Comparable(platform, spec),
        _ when Sort.Key == SortKey.GpuMemoryGb => GpuMemoryGb(platform),
        _ when Sort.Key == SortKey.LastVerified => platform.LastVerifiedOn?.DayNumber,
        _ => null,
    };

    /// <summary>
    /// The number a spec is compared by, in filters and sorting alike: a range by its guaranteed end; the weekly quota
    /// by <see cref="WeeklyGpuHours"/>. Null when unknown.
    /// </summary>
    public static double? Comparable(PlatformSummary platform, SpecDefinition spec) =>
        spec.Display == SpecDisplay.WeeklyQuota ? WeeklyGpuHours(platform) : platform[spec].Guaranteed;

    public double? GpuMemoryGb(PlatformSummary platform) =>
        GpuMemoryMode == GpuMemoryMode.Possible ? platform.GpuMemoryPossibleGb : platform.GpuMemoryGuaranteedGb;

    /// <summary>Weekly GPU hours a user can count on; no quota at all counts as unlimited.</summary>
    public static double? WeeklyGpuHours(PlatformSummary platform) => platform.WeeklyQuotaKind switch
    {
        WeeklyQuotaKind.NoQuota => double.PositiveInfinity,
        WeeklyQuotaKind.Limited => platform[Specs.WeeklyGpuHours].Guaranteed,
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
        foreach (var spec in FilterableSpecs)
        {
            Add(spec.FilterParameter!, FormatNumber(Minimum(spec)));
        }

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
