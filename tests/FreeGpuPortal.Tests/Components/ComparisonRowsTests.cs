using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Components.Pages.Compare;

using static FreeGpuPortal.Tests.Support.SyntheticPlatforms;

namespace FreeGpuPortal.Tests.Components;

/// <summary>The compare view's ★ compares stated values only: "not stated" is neither better nor worse.</summary>
public sealed class ComparisonRowsTests
{
    private static readonly FeatureInfo Tpu = new("tpu", "TPU", null);

    private static IReadOnlyList<bool> Best(string row, params PlatformSummary[] platforms) =>
        [.. ComparisonRows.Build(platforms, [Tpu], PortalLocalizer.Shared).Single(r => r.Key == row).Cells.Select(c => c.IsBest)];

    [Fact]
    public void A_known_value_against_not_stated_is_not_marked()
    {
        var known = Create("a").With(Specs.RamGb, Spec(16));
        var unknown = Create("b");

        Assert.Equal([false, false], Best("ram", known, unknown));
    }

    [Fact]
    public void Of_two_known_values_the_better_is_marked_and_not_stated_stays_unmarked()
    {
        var more = Create("a").With(Specs.RamGb, Spec(30));
        var less = Create("b").With(Specs.RamGb, Spec(13));
        var unknown = Create("c");

        Assert.Equal([true, false, false], Best("ram", more, less, unknown));
    }

    [Fact]
    public void Yes_is_marked_only_against_a_stated_no()
    {
        var yes = Create("a") with { Features = [Feature("tpu")] };
        var no = Create("b") with { Features = [Feature("tpu", available: false)] };
        var notStated = Create("c");

        Assert.Equal([false, false], Best("feature-tpu", yes, notStated));
        Assert.Equal([true, false, false], Best("feature-tpu", yes, no, notStated));
    }
}
