using CsCheck;

using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Catalog;

using Microsoft.AspNetCore.WebUtilities;

namespace FreeGpuPortal.Tests.Catalog;

/// <summary>The canonical query string, and its round trip through the URL parser the page and the API use.</summary>
public sealed class PlatformQueryStringTests
{
    private static readonly IReadOnlySet<string> s_featureKeys =
        CatalogSeeder.Load(SqliteCatalog.SeedFile).Features.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);

    private static readonly string[] s_noFeatures = [];

    [Fact]
    public void Active_filters_count_each_narrowing_choice_once()
    {
        Assert.Equal(0, PlatformQuery.Default.ActiveFilterCount);
        var query = new PlatformQuery
        {
            Text = "t4",
            MinGpuMemoryGb = 12,
            GpuMemoryMode = GpuMemoryMode.Possible, // how the minimum reads, not a filter of its own
            Features = ["private-notebooks", "tpu"],
            IncludeRetired = true, // widens the list
            Sort = new PlatformSort(SortKey.Find("ramGb")!, true),
        };

        Assert.Equal(4, query.ActiveFilterCount);
        Assert.True(query.HasFilters);
    }

    [Fact]
    public void The_default_query_is_the_empty_string()
    {
        Assert.Equal("", PlatformQuery.Default.ToQueryString());
        Assert.Equal("", new PlatformQuery { GpuMemoryMode = GpuMemoryMode.Guaranteed, Sort = new PlatformSort(SortKey.ByName, false) }.ToQueryString());
    }

    [Fact]
    public void Every_parameter_appears_in_canonical_order_and_spelling()
    {
        var query = new PlatformQuery
        {
            Sort = new PlatformSort(SortKey.GpuMemoryGb, true),
            IncludeRetired = true,
            Features = ["private-notebooks", "tpu"],
            Minimums = SpecMinimums.Of((Specs.WeeklyGpuHours, 20), (Specs.IdleTimeoutMinutes, 30), (Specs.MaxSessionHours, 1.5)),
            GpuMemoryMode = GpuMemoryMode.Possible,
            MinGpuMemoryGb = 12,
            Text = "tesla t4",
        };

        Assert.Equal(
            "?q=tesla%20t4&minGpuMemoryGb=12&gpuMemory=possible&minSessionHours=1.5&minIdleMinutes=30&minWeeklyGpuHours=20"
            + "&features=private-notebooks,tpu&status=all&sort=-gpuMemoryGb",
            query.ToQueryString());
    }

    [Theory]
    [InlineData("name", true, "?sort=-name")]
    [InlineData("gpuMemoryGb", false, "?sort=gpuMemoryGb")]
    [InlineData("sessionHours", false, "?sort=sessionHours")]
    [InlineData("idleMinutes", true, "?sort=-idleMinutes")]
    [InlineData("weeklyGpuHours", false, "?sort=weeklyGpuHours")]
    [InlineData("cpuCores", true, "?sort=-cpuCores")]
    [InlineData("ramGb", false, "?sort=ramGb")]
    [InlineData("storageGb", true, "?sort=-storageGb")]
    [InlineData("lastVerified", false, "?sort=lastVerified")]
    public void Sort_keys_use_the_public_names(string keyName, bool descending, string expected)
    {
        var key = SortKey.Find(keyName)!;
        Assert.Equal(expected, new PlatformQuery { Sort = new PlatformSort(key, descending) }.ToQueryString());
    }

    [Fact]
    public void Text_is_escaped_and_numbers_use_the_invariant_culture()
    {
        Assert.Equal("?q=a%26b%3Dc%2Bd%23e", new PlatformQuery { Text = "a&b=c+d#e" }.ToQueryString());
        Assert.Equal("?q=a,b", new PlatformQuery { Text = "a,b" }.ToQueryString());
        Assert.Equal("?minGpuMemoryGb=0.25", new PlatformQuery { MinGpuMemoryGb = 0.25 }.ToQueryString());
        Assert.Equal("?minGpuMemoryGb=0", new PlatformQuery { MinGpuMemoryGb = 0 }.ToQueryString());
    }

    [Fact]
    public void Toggling_a_sort_goes_ascending_first_then_descending()
    {
        var byMemory = PlatformQuery.Default.ToggleSort(SortKey.GpuMemoryGb);
        Assert.Equal(new PlatformSort(SortKey.GpuMemoryGb, false), byMemory.Sort);
        Assert.Equal(new PlatformSort(SortKey.GpuMemoryGb, true), byMemory.ToggleSort(SortKey.GpuMemoryGb).Sort);
        Assert.Equal(new PlatformSort(SortKey.GpuMemoryGb, false), byMemory.ToggleSort(SortKey.GpuMemoryGb).ToggleSort(SortKey.GpuMemoryGb).Sort);
        Assert.Equal(new PlatformSort(SortKey.Find("ramGb")!, false), byMemory.ToggleSort(SortKey.GpuMemoryGb).ToggleSort(SortKey.Find("ramGb")!).Sort);
        Assert.Equal(new PlatformSort(SortKey.ByName, true), PlatformQuery.Default.ToggleSort(SortKey.ByName).Sort);
    }

    [Fact]
    public void Any_valid_query_survives_the_round_trip_through_the_url()
    {
        ValidQueries().Sample(query =>
        {
            var queryString = query.ToQueryString();
            var parsed = PlatformQueryParser.Parse(QueryHelpers.ParseQuery(queryString), s_featureKeys);

            Assert.Empty(parsed.Notices);
            AssertSameQuery(query, parsed.Query);
            Assert.Equal(queryString, parsed.Query.ToQueryString());
        }, iter: 2000);
    }

    internal static Gen<PlatformQuery> ValidQueries()
    {
        var textChars = Gen.Char["abcxyzABCXYZ0189 &=+%#?/,;:'\"<>-_.~!*()[]{}|\\^`@$éß€中\t"];
        var fragments = Gen.OneOf(
            textChars.Array[1, 20].Select(c => new string(c)),
            Gen.OneOf("😀", "t4", "P100", "%20", "a+b", "&q=x"));
        var text = fragments.Array[1, 12]
            .Select(parts => string.Concat(parts).Trim())
            .Where(t => t.Length is > 0 and <= PlatformQueryParser.MaxTextLength);
        var number = Gen.OneOf<double>(
            Gen.Int[0, 1000].Select(i => (double)i),
            Gen.Double[0, 1e6],
            Gen.Double.Unit,
            Gen.OneOf(double.MaxValue, double.Epsilon, 1e-7, 0.1, 1e21, 123456789.123456789));
        var keys = s_featureKeys.Order(StringComparer.Ordinal).ToArray();
        var features = Gen.Select(Gen.Bool.Array[keys.Length], Gen.Int.Array[keys.Length])
            .Select((chosen, order) => keys.Select((k, i) => (k, i)).Where(x => chosen[x.i]).OrderBy(x => order[x.i]).Select(x => x.k).ToArray());

        return Gen.Select(
            text.Null(0.3),
            Gen.Select(number.Nullable(0.4), number.Nullable(0.6), number.Nullable(0.6), number.Nullable(0.6)),
            Gen.Enum<GpuMemoryMode>(),
            features,
            Gen.Bool,
            Gen.Select(Gen.Int[0, SortKey.All.Count - 1].Select(i => SortKey.All[i]), Gen.Bool))
            .Select((t, numbers, mode, f, retired, sort) => new PlatformQuery
            {
                Text = t,
                MinGpuMemoryGb = numbers.Item1,
                Minimums = SpecMinimums.Of((Specs.MaxSessionHours, numbers.Item2), (Specs.IdleTimeoutMinutes, numbers.Item3), (Specs.WeeklyGpuHours, numbers.Item4)),
                GpuMemoryMode = mode,
                Features = f,
                IncludeRetired = retired,
                Sort = new PlatformSort(sort.Item1, sort.Item2),
            });
    }

    internal static void AssertSameQuery(PlatformQuery expected, PlatformQuery actual)
    {
        Assert.Equal(expected with { Features = s_noFeatures }, actual with { Features = s_noFeatures });
        Assert.Equal(expected.Features, actual.Features);
    }
}
