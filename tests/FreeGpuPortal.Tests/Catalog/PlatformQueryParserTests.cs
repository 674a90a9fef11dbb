using CsCheck;

using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Catalog;

using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace FreeGpuPortal.Tests.Catalog;

/// <summary>URL parameters to a query: every unusable value is dropped with a notice, the rest still applies.</summary>
public sealed class PlatformQueryParserTests
{
    private static readonly IReadOnlySet<string> s_featureKeys =
        CatalogSeeder.Load(SqliteCatalog.SeedFile).Features.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);

    private static readonly string[] s_parameterNames =
    [
        PlatformQuery.TextParameter, PlatformQuery.MinGpuMemoryParameter, PlatformQuery.GpuMemoryModeParameter,
        Specs.MaxSessionHours.FilterParameter!, Specs.IdleTimeoutMinutes.FilterParameter!, Specs.WeeklyGpuHours.FilterParameter!,
        PlatformQuery.FeaturesParameter, PlatformQuery.StatusParameter, PlatformQuery.SortParameter,
    ];

    public static TheoryData<string> NumericParameters =>
    [
        PlatformQuery.MinGpuMemoryParameter, Specs.MaxSessionHours.FilterParameter!,
        Specs.IdleTimeoutMinutes.FilterParameter!, Specs.WeeklyGpuHours.FilterParameter!,
    ];

    /// <summary>Each pair is one occurrence in the URL, as a form or a hand-written link gives them.</summary>
    private static ParsedPlatformQuery Parse(params (string Name, string? Value)[] parameters) =>
        PlatformQueryParser.Parse(parameters.Select(p => new KeyValuePair<string, StringValues>(p.Name, p.Value)), s_featureKeys);

    private static ParsedPlatformQuery ParseUrl(string queryString) =>
        PlatformQueryParser.Parse(QueryHelpers.ParseQuery(queryString), s_featureKeys);

    private static double? Number(PlatformQuery query, string parameter) => parameter == PlatformQuery.MinGpuMemoryParameter
        ? query.MinGpuMemoryGb
        : PlatformQuery.FilterableSpecs.FirstOrDefault(s => s.FilterParameter == parameter) is { } spec
            ? query.Minimum(spec)
            : throw new ArgumentOutOfRangeException(nameof(parameter), parameter, null);

    [Fact]
    public void No_parameters_give_the_default_query()
    {
        var parsed = Parse();

        Assert.Equal(PlatformQuery.Default.ToQueryString(), parsed.Query.ToQueryString());
        Assert.Empty(parsed.Notices);
    }

    [Theory]
    [MemberData(nameof(NumericParameters))]
    public void Numbers_are_read_with_the_invariant_culture(string parameter)
    {
        Assert.Equal(12.5, Number(Parse((parameter, "12.5")).Query, parameter));
        Assert.Equal(1000, Number(Parse((parameter, "1e3")).Query, parameter));
        Assert.Equal(12, Number(Parse((parameter, " 12 ")).Query, parameter));
        Assert.Equal(0, Number(Parse((parameter, "0")).Query, parameter));

        var negativeZero = Parse((parameter, "-0"));
        Assert.Empty(negativeZero.Notices);
        Assert.Equal(0, Number(negativeZero.Query, parameter));
        Assert.False(double.IsNegative(Number(negativeZero.Query, parameter)!.Value));
    }

    [Theory]
    [MemberData(nameof(NumericParameters))]
    public void Text_that_is_not_a_number_is_ignored_with_a_notice(string parameter)
    {
        foreach (var value in new[] { "abc", "12GB", "1,5", "0x10", "12 16", "--1" })
        {
            var parsed = Parse((parameter, value));

            Assert.Null(Number(parsed.Query, parameter));
            Assert.Equal(new QueryNotice(parameter, value, QueryProblem.NotANumber), Assert.Single(parsed.Notices));
        }
    }

    [Theory]
    [MemberData(nameof(NumericParameters))]
    public void Negative_numbers_are_ignored_with_a_notice(string parameter)
    {
        foreach (var value in new[] { "-1", "-0.5", "-1e300" })
        {
            var parsed = Parse((parameter, value));

            Assert.Null(Number(parsed.Query, parameter));
            Assert.Equal(new QueryNotice(parameter, value, QueryProblem.Negative), Assert.Single(parsed.Notices));
        }
    }

    [Theory]
    [MemberData(nameof(NumericParameters))]
    public void Infinite_and_not_a_number_values_are_ignored_with_a_notice(string parameter)
    {
        foreach (var value in new[] { "NaN", "Infinity", "-Infinity", "1e309", "-1e309", "nan", "infinity" })
        {
            var parsed = Parse((parameter, value));

            Assert.Null(Number(parsed.Query, parameter));
            Assert.Equal(new QueryNotice(parameter, value, QueryProblem.NotFinite), Assert.Single(parsed.Notices));
        }
    }

    [Fact]
    public void One_bad_value_does_not_drop_the_others()
    {
        var parsed = ParseUrl("?minGpuMemoryGb=abc&minSessionHours=7&sort=price&features=tpu&q=colab");

        Assert.Null(parsed.Query.MinGpuMemoryGb);
        Assert.Equal(7, parsed.Query.Minimum(Specs.MaxSessionHours));
        Assert.Equal(PlatformSort.Default, parsed.Query.Sort);
        Assert.Equal(["tpu"], parsed.Query.Features);
        Assert.Equal("colab", parsed.Query.Text);
        Assert.Equal(
            [new QueryNotice("minGpuMemoryGb", "abc", QueryProblem.NotANumber), new QueryNotice("sort", "price", QueryProblem.UnknownSortKey)],
            parsed.Notices.OrderBy(n => n.Parameter, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("name", "name", false)]
    [InlineData("-name", "name", true)]
    [InlineData("gpuMemoryGb", "gpuMemoryGb", false)]
    [InlineData("-gpuMemoryGb", "gpuMemoryGb", true)]
    [InlineData("-GPUMEMORYGB", "gpuMemoryGb", true)]
    [InlineData("sessionhours", "sessionHours", false)]
    [InlineData("-idleMinutes", "idleMinutes", true)]
    [InlineData("weeklyGpuHours", "weeklyGpuHours", false)]
    [InlineData("-cpuCores", "cpuCores", true)]
    [InlineData("ramGb", "ramGb", false)]
    [InlineData("-storageGb", "storageGb", true)]
    [InlineData("lastVerified", "lastVerified", false)]
    public void Sort_keys_are_read_case_insensitively_with_a_minus_for_descending(string value, string keyName, bool descending)
    {
        var key = SortKey.Find(keyName)!;
        var parsed = Parse(("sort", value));

        Assert.Empty(parsed.Notices);
        Assert.Equal(new PlatformSort(key, descending), parsed.Query.Sort);
    }

    [Theory]
    [InlineData("price")]
    [InlineData("-")]
    [InlineData("--name")]
    [InlineData("+name")]
    [InlineData("gpuMemory")]
    public void An_unknown_sort_key_is_ignored_with_a_notice(string value)
    {
        var parsed = Parse(("sort", value));

        Assert.Equal(PlatformSort.Default, parsed.Query.Sort);
        Assert.Equal(new QueryNotice("sort", value, QueryProblem.UnknownSortKey), Assert.Single(parsed.Notices));
    }

    [Fact]
    public void Unknown_features_are_reported_and_known_ones_still_apply()
    {
        var parsed = ParseUrl("?features=tpu,gpu-party,private-notebooks");

        Assert.Equal(["tpu", "private-notebooks"], parsed.Query.Features);
        Assert.Equal(new QueryNotice("features", "gpu-party", QueryProblem.UnknownFeature), Assert.Single(parsed.Notices));
    }

    [Fact]
    public void Repeated_and_comma_separated_features_merge_without_notice()
    {
        var parsed = Parse(("features", "tpu"), ("features", "private-notebooks,background-execution"), ("FEATURES", "TPU"));

        Assert.Equal(["tpu", "private-notebooks", "background-execution"], parsed.Query.Features);
        Assert.Empty(parsed.Notices);

        var fromUrl = ParseUrl("?features=tpu&features=private-notebooks&features=,,&features=");
        Assert.Equal(["tpu", "private-notebooks"], fromUrl.Query.Features);
        Assert.Empty(fromUrl.Notices);
    }

    [Fact]
    public void Feature_keys_are_case_insensitive_and_come_back_in_their_canonical_spelling()
    {
        var parsed = Parse(("features", "Private-Notebooks, TPU"));

        Assert.Equal(["private-notebooks", "tpu"], parsed.Query.Features);
        Assert.Empty(parsed.Notices);
    }

    [Fact]
    public void A_10_kb_search_is_too_long_and_its_notice_is_cut_short()
    {
        var huge = string.Concat(Enumerable.Repeat("<script>alert(1)</script>", 410));
        Assert.True(huge.Length > 10_000);

        var parsed = Parse(("q", huge));

        Assert.Null(parsed.Query.Text);
        var notice = Assert.Single(parsed.Notices);
        Assert.Equal(QueryProblem.TooLong, notice.Problem);
        Assert.Equal("q", notice.Parameter);
        Assert.True(notice.Value.Length <= QueryNotice.MaxShownValueLength + 1, $"notice value has {notice.Value.Length} chars");
        Assert.True(notice.Value.Length <= 41);
        Assert.Equal(huge[..QueryNotice.MaxShownValueLength] + "…", notice.Value);
    }

    [Fact]
    public void Cutting_a_notice_short_never_splits_a_character_made_of_two_utf16_units()
    {
        var value = new string('a', QueryNotice.MaxShownValueLength - 1) + "😀" + new string('b', 300);

        var notice = QueryNotice.For("q", value, QueryProblem.TooLong);

        Assert.Equal(new string('a', QueryNotice.MaxShownValueLength - 1) + "…", notice.Value);
        Assert.Equal(notice.Value, System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(notice.Value)));
    }

    [Fact]
    public void A_search_of_exactly_the_maximum_length_is_kept()
    {
        var longest = new string('a', PlatformQueryParser.MaxTextLength);

        Assert.Equal(longest, Parse(("q", longest)).Query.Text);
        Assert.Empty(Parse(("q", longest)).Notices);
        Assert.Equal(QueryProblem.TooLong, Assert.Single(Parse(("q", longest + "a")).Notices).Problem);
    }

    [Fact]
    public void A_very_long_unknown_feature_is_reported_cut_short()
    {
        var parsed = Parse(("features", new string('x', 5000) + ",tpu"));

        Assert.Equal(["tpu"], parsed.Query.Features);
        var notice = Assert.Single(parsed.Notices);
        Assert.True(notice.Value.Length <= 41);
    }

    [Theory]
    [MemberData(nameof(NumericParameters))]
    public void A_repeated_parameter_uses_the_first_value_and_reports_the_rest(string parameter)
    {
        var parsed = Parse((parameter, "12"), (parameter, "16"), (parameter.ToUpperInvariant(), "abc"));

        Assert.Equal(12, Number(parsed.Query, parameter));
        Assert.Equal(
            [new QueryNotice(parameter, "16", QueryProblem.Repeated), new QueryNotice(parameter, "abc", QueryProblem.Repeated)],
            parsed.Notices);
    }

    [Fact]
    public void Repeated_values_in_one_url_are_reported_for_every_single_valued_parameter()
    {
        var parsed = ParseUrl("?q=colab&q=kaggle&sort=ramGb&sort=-name&gpuMemory=possible&gpuMemory=guaranteed&status=all&status=active");

        Assert.Equal("colab", parsed.Query.Text);
        Assert.Equal(new PlatformSort(SortKey.Find("ramGb")!, false), parsed.Query.Sort);
        Assert.Equal(GpuMemoryMode.Possible, parsed.Query.GpuMemoryMode);
        Assert.True(parsed.Query.IncludeRetired);
        Assert.Equal(
            new[] { ("gpuMemory", "guaranteed"), ("q", "kaggle"), ("sort", "-name"), ("status", "active") },
            parsed.Notices.Select(n => (n.Parameter, n.Value)).Order());
        Assert.All(parsed.Notices, n => Assert.Equal(QueryProblem.Repeated, n.Problem));
    }

    [Fact]
    public void A_repeated_value_is_cut_short_in_its_notice()
    {
        var parsed = Parse(("q", "colab"), ("q", new string('z', 3000)));

        Assert.Equal("colab", parsed.Query.Text);
        Assert.True(Assert.Single(parsed.Notices).Value.Length <= 41);
    }

    [Fact]
    public void Empty_values_mean_not_set_without_notice()
    {
        foreach (var blank in new[] { "", " ", "\t" })
        {
            var parsed = Parse([.. s_parameterNames.Select(name => (name, (string?)blank))]);

            Assert.Equal("", parsed.Query.ToQueryString());
            Assert.Empty(parsed.Notices);
        }

        var form = ParseUrl("?q=&minGpuMemoryGb=&gpuMemory=guaranteed&minSessionHours=&minIdleMinutes=&minWeeklyGpuHours=&sort=");
        Assert.Equal("", form.Query.ToQueryString());
        Assert.Empty(form.Notices);
    }

    [Fact]
    public void An_empty_first_value_does_not_hide_a_later_real_one()
    {
        var parsed = Parse(("minGpuMemoryGb", ""), ("minGpuMemoryGb", "12"));

        Assert.Equal(12, parsed.Query.MinGpuMemoryGb);
        Assert.Empty(parsed.Notices);
    }

    [Theory]
    [InlineData("gpuMemory", "bogus")]
    [InlineData("gpuMemory", "max")]
    [InlineData("status", "bogus")]
    [InlineData("status", "retired")]
    public void Unknown_values_of_choice_parameters_are_ignored_with_a_notice(string parameter, string value)
    {
        var parsed = Parse((parameter, value));

        Assert.Equal("", parsed.Query.ToQueryString());
        Assert.Equal(new QueryNotice(parameter, value, QueryProblem.UnknownValue), Assert.Single(parsed.Notices));
    }

    [Theory]
    [InlineData("gpuMemory", "possible")]
    [InlineData("GPUMEMORY", "POSSIBLE")]
    [InlineData("gpumemory", "Possible")]
    public void Memory_mode_is_read_case_insensitively(string name, string value)
    {
        var parsed = Parse((name, value));

        Assert.Equal(GpuMemoryMode.Possible, parsed.Query.GpuMemoryMode);
        Assert.Empty(parsed.Notices);
    }

    [Fact]
    public void Status_all_includes_retired_platforms_and_active_is_the_default()
    {
        Assert.True(Parse(("status", "all")).Query.IncludeRetired);
        Assert.True(Parse(("Status", "ALL")).Query.IncludeRetired);
        Assert.False(Parse(("status", "active")).Query.IncludeRetired);
        Assert.Empty(Parse(("status", "Active")).Notices);
        Assert.Equal(GpuMemoryMode.Guaranteed, Parse(("gpuMemory", "Guaranteed")).Query.GpuMemoryMode);
        Assert.Empty(Parse(("gpuMemory", "Guaranteed")).Notices);
    }

    [Fact]
    public void Parameter_names_are_case_insensitive()
    {
        var parsed = ParseUrl("?Q=tesla&MINGPUMEMORYGB=12&MinSessionHours=6&minidleminutes=20&MINWEEKLYGPUHOURS=30&Features=tpu&SORT=-ramGb");

        Assert.Equal("tesla", parsed.Query.Text);
        Assert.Equal(12, parsed.Query.MinGpuMemoryGb);
        Assert.Equal(6, parsed.Query.Minimum(Specs.MaxSessionHours));
        Assert.Equal(20, parsed.Query.Minimum(Specs.IdleTimeoutMinutes));
        Assert.Equal(30, parsed.Query.Minimum(Specs.WeeklyGpuHours));
        Assert.Equal(["tpu"], parsed.Query.Features);
        Assert.Equal(new PlatformSort(SortKey.Find("ramGb")!, true), parsed.Query.Sort);
        Assert.Empty(parsed.Notices);
    }

    [Fact]
    public void Unknown_parameters_such_as_tracking_tags_are_ignored_silently()
    {
        var parsed = ParseUrl("?utm_source=newsletter&fbclid=abc&minGpuMemoryGb=12");

        Assert.Equal(12, parsed.Query.MinGpuMemoryGb);
        Assert.Empty(parsed.Notices);
    }

    [Fact]
    public void Text_is_trimmed_and_kept_as_typed()
    {
        var parsed = ParseUrl("?q=%20%20Tesla%20%20T4%20");

        Assert.Equal("Tesla  T4", parsed.Query.Text);
        Assert.Empty(parsed.Notices);
    }

    [Fact]
    public void Null_values_are_treated_as_missing()
    {
        var parsed = PlatformQueryParser.Parse(
            [new("minGpuMemoryGb", new StringValues([null, "12"])), new("q", StringValues.Empty), new("sort", default)],
            s_featureKeys);

        Assert.Equal(12, parsed.Query.MinGpuMemoryGb);
        Assert.Null(parsed.Query.Text);
        Assert.Empty(parsed.Notices);
    }

    [Fact]
    public void Random_parameters_never_throw_and_always_give_a_sane_query()
    {
        var names = Gen.OneOf(
            Gen.OneOf(s_parameterNames).SelectMany(n => Gen.Bool.Select(upper => upper ? n.ToUpperInvariant() : n)),
            Gen.String[0, 12]);
        var values = Gen.OneOf(
            Gen.String[0, 30],
            Gen.String[190, 400],
            Gen.Double.Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
            Gen.OneOf("", " ", "-", "--", "-name", "possible", "all", "NaN", "-Infinity", "1e309", "tpu,,x", "\0", "\uD800", "…"),
            Gen.OneOf(s_featureKeys.ToArray()));
        var parameters = Gen.Select(names, values.Null(0.1).Array[0, 3]).Array[0, 12];

        parameters.Sample(list =>
        {
            var parsed = PlatformQueryParser.Parse(
                list.Select(p => new KeyValuePair<string, StringValues>(p.Item1, new StringValues(p.Item2))), s_featureKeys);
            var query = parsed.Query;

            Assert.NotNull(query);
            foreach (var number in new[] { query.MinGpuMemoryGb, query.Minimum(Specs.MaxSessionHours), query.Minimum(Specs.IdleTimeoutMinutes), query.Minimum(Specs.WeeklyGpuHours) })
            {
                Assert.True(number is null || (double.IsFinite(number.Value) && number >= 0), $"bad number {number}");
            }

            Assert.True(query.Text is null || (query.Text.Length <= PlatformQueryParser.MaxTextLength && query.Text.Trim().Length > 0));
            Assert.All(query.Features, f => Assert.Contains(f, s_featureKeys));
            Assert.Equal(query.Features.Count, query.Features.Distinct().Count());
            Assert.All(parsed.Notices, n => Assert.True(n.Value.Length <= QueryNotice.MaxShownValueLength + 1));
            Assert.All(parsed.Notices, n => Assert.Contains(n.Parameter, s_parameterNames));

            // What survives parsing is a valid query: it reads back the same with no notice. (A lone surrogate can
            // only come from a caller, never from a decoded URL, which holds well-formed text.)
            if (query.Text is { } text && System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(text)) != text)
            {
                return;
            }

            var again = PlatformQueryParser.Parse(QueryHelpers.ParseQuery(query.ToQueryString()), s_featureKeys);
            Assert.Empty(again.Notices);
            PlatformQueryStringTests.AssertSameQuery(query, again.Query);
        }, iter: 3000);
    }
}
