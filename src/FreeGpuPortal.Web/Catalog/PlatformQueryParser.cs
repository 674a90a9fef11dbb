using System.Globalization;

using Microsoft.Extensions.Primitives;

namespace FreeGpuPortal.Web.Catalog;

// Reading a query string into a platform query: the parser, its result, the sort and the GPU memory mode.

/// <summary>
/// Turns URL parameters into a <see cref="PlatformQuery"/>. Nothing a visitor types can fail the request: every
/// value that cannot be used is dropped and reported as a <see cref="QueryNotice"/>, the rest still applies.
/// Empty values mean "not set", because a plain HTML form submits its empty fields.
/// </summary>
public static class PlatformQueryParser
{
    public const int MaxTextLength = 200;

    private static readonly Dictionary<string, SortKey> SortKeys =
        SortKey.All.ToDictionary(k => k.Name, k => k, StringComparer.OrdinalIgnoreCase);

    public static ParsedPlatformQuery Parse(
        IEnumerable<KeyValuePair<string, StringValues>> parameters, IReadOnlySet<string> knownFeatureKeys)
    {
        var notices = new List<QueryNotice>();
        var values = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, raw) in parameters)
        {
            if (!values.TryGetValue(name, out var list))
            {
                values[name] = list = [];
            }

            list.AddRange(raw.Where(v => v is not null).Select(v => v!));
        }

        string? Single(string parameter)
        {
            if (!values.TryGetValue(parameter, out var given))
            {
                return null;
            }

            var nonEmpty = given.Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
            foreach (var ignored in nonEmpty.Skip(1))
            {
                notices.Add(QueryNotice.For(parameter, ignored, QueryProblem.Repeated));
            }

            return nonEmpty.FirstOrDefault()?.Trim();
        }

        double? Number(string parameter)
        {
            var text = Single(parameter);
            if (text is null)
            {
                return null;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                notices.Add(QueryNotice.For(parameter, text, QueryProblem.NotANumber));
                return null;
            }

            if (!double.IsFinite(number))
            {
                notices.Add(QueryNotice.For(parameter, text, QueryProblem.NotFinite));
                return null;
            }

            if (number < 0)
            {
                notices.Add(QueryNotice.For(parameter, text, QueryProblem.Negative));
                return null;
            }

            return number == 0 ? 0 : number; // -0 reads as 0
        }

        var query = PlatformQuery.Default;

        var text = Single(PlatformQuery.TextParameter);
        if (text is { Length: > MaxTextLength })
        {
            notices.Add(QueryNotice.For(PlatformQuery.TextParameter, text, QueryProblem.TooLong));
            text = null;
        }

        query = query with
        {
            Text = string.IsNullOrWhiteSpace(text) ? null : text,
            MinGpuMemoryGb = Number(PlatformQuery.MinGpuMemoryParameter),
        };
        foreach (var spec in PlatformQuery.FilterableSpecs)
        {
            query = query.WithMinimum(spec, Number(spec.FilterParameter!));
        }

        var mode = Single(PlatformQuery.GpuMemoryModeParameter);
        if (mode is not null)
        {
            if (mode.Equals("possible", StringComparison.OrdinalIgnoreCase))
            {
                query = query with { GpuMemoryMode = GpuMemoryMode.Possible };
            }
            else if (!mode.Equals("guaranteed", StringComparison.OrdinalIgnoreCase))
            {
                notices.Add(QueryNotice.For(PlatformQuery.GpuMemoryModeParameter, mode, QueryProblem.UnknownValue));
            }
        }

        var status = Single(PlatformQuery.StatusParameter);
        if (status is not null)
        {
            if (status.Equals("all", StringComparison.OrdinalIgnoreCase))
            {
                query = query with { IncludeRetired = true };
            }
            else if (!status.Equals("active", StringComparison.OrdinalIgnoreCase))
            {
                notices.Add(QueryNotice.For(PlatformQuery.StatusParameter, status, QueryProblem.UnknownValue));
            }
        }

        var sort = Single(PlatformQuery.SortParameter);
        if (sort is not null)
        {
            var descending = sort.StartsWith('-');
            if (SortKeys.TryGetValue(descending ? sort[1..] : sort, out var key))
            {
                query = query with { Sort = new PlatformSort(key, descending) };
            }
            else
            {
                notices.Add(QueryNotice.For(PlatformQuery.SortParameter, sort, QueryProblem.UnknownSortKey));
            }
        }

        query = query with { Features = ParseFeatures(values, knownFeatureKeys, notices) };
        return new ParsedPlatformQuery(query, notices);
    }

    /// <summary>Features come as a comma list, or repeated as a plain HTML form's checkboxes send them.</summary>
    private static List<string> ParseFeatures(
        Dictionary<string, List<string>> values, IReadOnlySet<string> knownFeatureKeys, List<QueryNotice> notices)
    {
        var features = new List<string>();
        if (!values.TryGetValue(PlatformQuery.FeaturesParameter, out var given))
        {
            return features;
        }

        var known = knownFeatureKeys.ToDictionary(k => k, k => k, Slugs.Comparer);
        foreach (var item in given.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (item.Length > MaxTextLength)
            {
                notices.Add(QueryNotice.For(PlatformQuery.FeaturesParameter, item, QueryProblem.TooLong));
            }
            else if (known.TryGetValue(item, out var key))
            {
                if (!features.Contains(key))
                {
                    features.Add(key);
                }
            }
            else
            {
                notices.Add(QueryNotice.For(PlatformQuery.FeaturesParameter, item, QueryProblem.UnknownFeature));
            }
        }

        return features;
    }
}

public sealed record ParsedPlatformQuery(PlatformQuery Query, IReadOnlyList<QueryNotice> Notices);

public sealed record PlatformSort(SortKey Key, bool Descending)
{
    public static readonly PlatformSort Default = new(SortKey.ByName, false);

    public string ToParameter() => (Descending ? "-" : "") + Key.Name;
}

public enum GpuMemoryMode
{
    /// <summary>Every GPU the platform may assign has at least the asked memory.</summary>
    Guaranteed,
    /// <summary>At least one GPU the platform may assign has the asked memory.</summary>
    Possible,
}
