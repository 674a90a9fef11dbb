using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Catalog;

using static FreeGpuPortal.Tests.Support.SyntheticPlatforms;

namespace FreeGpuPortal.Tests.Catalog;

/// <summary>
/// Every filter of <see cref="PlatformQuery"/> over the seeded catalog (read from a real SQLite database), plus
/// synthetic platforms where the seed has no such case. Results come in the default order, by name:
/// Google Colab, Kaggle, Paperspace Gradient.
/// </summary>
public sealed class PlatformQueryFilterTests(SeededCatalogFixture fixture) : IClassFixture<SeededCatalogFixture>
{
    private string Apply(PlatformQuery query) => query.Apply(fixture.Snapshot.Platforms).Slugs();

    [Fact]
    public void The_default_query_shows_the_three_active_seed_platforms_by_name()
    {
        Assert.Equal("colab,kaggle,gradient", Apply(PlatformQuery.Default));
        Assert.False(PlatformQuery.Default.HasFilters);
    }

    [Theory]
    [InlineData(GpuMemoryMode.Guaranteed, 12, "kaggle")]
    [InlineData(GpuMemoryMode.Possible, 12, "colab,kaggle")]
    [InlineData(GpuMemoryMode.Guaranteed, 8, "colab,kaggle,gradient")]
    [InlineData(GpuMemoryMode.Possible, 8, "colab,kaggle,gradient")]
    [InlineData(GpuMemoryMode.Guaranteed, 16, "kaggle")]
    [InlineData(GpuMemoryMode.Possible, 16, "colab,kaggle")]
    [InlineData(GpuMemoryMode.Guaranteed, 8.5, "kaggle")]
    [InlineData(GpuMemoryMode.Possible, 8.5, "colab,kaggle")]
    [InlineData(GpuMemoryMode.Guaranteed, 17, "")]
    [InlineData(GpuMemoryMode.Possible, 17, "")]
    [InlineData(GpuMemoryMode.Guaranteed, 0, "colab,kaggle,gradient")]
    public void Gpu_memory_filter_follows_the_mode(GpuMemoryMode mode, double minimum, string expected)
    {
        Assert.Equal(expected, Apply(new PlatformQuery { MinGpuMemoryGb = minimum, GpuMemoryMode = mode }));
    }

    [Fact]
    public void Colab_memory_is_a_range_of_8_to_16_gb_over_its_four_gpus()
    {
        var colab = fixture.Platform("colab");

        Assert.Equal(8, colab.GpuMemoryGuaranteedGb);
        Assert.Equal(16, colab.GpuMemoryPossibleGb);
        Assert.Equal(8, new PlatformQuery().GpuMemoryGb(colab));
        Assert.Equal(16, new PlatformQuery { GpuMemoryMode = GpuMemoryMode.Possible }.GpuMemoryGb(colab));
    }

    [Fact]
    public void A_gpu_with_unknown_memory_makes_the_guaranteed_memory_unknown_but_not_the_possible()
    {
        var platform = Create("mixed") with { Gpus = [Gpu(24), Gpu(null, "Mystery GPU")] };
        var none = Create("no-gpus");

        Assert.Null(platform.GpuMemoryGuaranteedGb);
        Assert.Equal(24, platform.GpuMemoryPossibleGb);
        Assert.Null(none.GpuMemoryGuaranteedGb);
        Assert.Null(none.GpuMemoryPossibleGb);
        Assert.Empty(new PlatformQuery { MinGpuMemoryGb = 0 }.Apply([platform, none]));
        Assert.Equal("mixed", new PlatformQuery { MinGpuMemoryGb = 24, GpuMemoryMode = GpuMemoryMode.Possible }.Apply([platform, none]).Slugs());
    }

    [Theory]
    [InlineData("t4", "colab")]
    [InlineData("T4", "colab")]
    [InlineData("tesla t4", "colab")]
    [InlineData("google", "colab")]
    [InlineData("GOOGLE", "colab")]
    [InlineData("colab", "colab")]
    [InlineData("paperspace", "gradient")]
    [InlineData("Quadro", "gradient")]
    [InlineData("m4000", "gradient")]
    [InlineData("kaggle", "kaggle")]
    [InlineData("p100", "colab,kaggle")]
    [InlineData("tesla", "colab,kaggle")]
    [InlineData("tesla p100", "colab,kaggle")]
    [InlineData("p100 google", "colab")]
    [InlineData("  p100   kaggle ", "kaggle")]
    [InlineData("google m4000", "")]
    [InlineData("rtx4090", "")]
    public void Text_matches_name_vendor_and_gpu_models_every_term_case_insensitively(string text, string expected)
    {
        Assert.Equal(expected, Apply(new PlatformQuery { Text = text }));
    }

    [Theory]
    [InlineData(7, "colab")]
    [InlineData(12, "colab")]
    [InlineData(12.5, "")]
    [InlineData(6, "colab,gradient")]
    [InlineData(0, "colab,gradient")]
    public void Session_filter_never_matches_kaggles_unknown_session(double minimum, string expected)
    {
        Assert.Equal(expected, Apply(new PlatformQuery { Minimums = SpecMinimums.Of((Specs.MaxSessionHours, minimum)) }));
    }

    [Theory]
    [InlineData(25, "colab,gradient")]
    [InlineData(20, "colab,kaggle,gradient")]
    [InlineData(30, "colab,gradient")]
    [InlineData(31, "gradient")]
    [InlineData(60, "gradient")]
    [InlineData(61, "")]
    [InlineData(360, "")]
    public void Idle_filter_compares_gradients_1_to_6_hours_by_its_minimum(double minimum, string expected)
    {
        Assert.Equal(expected, Apply(new PlatformQuery { Minimums = SpecMinimums.Of((Specs.IdleTimeoutMinutes, minimum)) }));
    }

    [Theory]
    [InlineData(1000, "colab")]
    [InlineData(1e300, "colab")]
    [InlineData(31, "colab")]
    [InlineData(30, "colab,kaggle")]
    [InlineData(0, "colab,kaggle")]
    public void Weekly_filter_counts_no_quota_as_unlimited_and_never_matches_unknown(double minimum, string expected)
    {
        Assert.Equal(expected, Apply(new PlatformQuery { Minimums = SpecMinimums.Of((Specs.WeeklyGpuHours, minimum)) }));
    }

    [Theory]
    [InlineData("private-notebooks", "colab,kaggle")]
    [InlineData("tpu", "colab")]
    [InlineData("background-execution", "kaggle")]
    [InlineData("cloud-storage-integration", "colab")]
    [InlineData("private-notebooks,tpu", "colab")]
    [InlineData("private-notebooks,background-execution,notebook-versioning", "kaggle")]
    [InlineData("tpu,background-execution", "")]
    public void Features_must_all_be_offered(string features, string expected)
    {
        Assert.Equal(expected, Apply(new PlatformQuery { Features = features.Split(',') }));
    }

    [Fact]
    public void A_feature_stated_as_not_available_does_not_match()
    {
        var gradient = fixture.Platform("gradient");
        var privateNotebooks = Assert.Single(gradient.Features, f => f.Key == "private-notebooks");

        Assert.False(privateNotebooks.Available);
        Assert.False(gradient.Offers("private-notebooks"));
        Assert.False(new PlatformQuery { Features = ["private-notebooks"] }.Matches(gradient));
    }

    [Theory]
    [InlineData(PlatformStatus.Discontinued)]
    [InlineData(PlatformStatus.Renamed)]
    public void Retired_platforms_are_hidden_by_default_and_shown_on_request(PlatformStatus status)
    {
        var platforms = fixture.Snapshot.Platforms
            .Select(p => p.Slug == "gradient" ? p with { Status = status, SuccessorSlug = "gradient-next" } : p)
            .ToList();

        Assert.Equal("colab,kaggle", PlatformQuery.Default.Apply(platforms).Slugs());
        Assert.Equal("colab,kaggle,gradient", new PlatformQuery { IncludeRetired = true }.Apply(platforms).Slugs());
        Assert.Equal("gradient", new PlatformQuery { IncludeRetired = true, Text = "paperspace" }.Apply(platforms).Slugs());
    }

    [Fact]
    public void A_platform_whose_free_tier_was_reduced_is_still_shown_by_default()
    {
        var platforms = fixture.Snapshot.Platforms
            .Select(p => p.Slug == "kaggle" ? p with { Status = PlatformStatus.Changed } : p)
            .ToList();

        Assert.Equal("colab,kaggle,gradient", PlatformQuery.Default.Apply(platforms).Slugs());
    }

    [Fact]
    public void Filters_combine_with_and()
    {
        var privateTesla = new PlatformQuery
        {
            Text = "tesla",
            MinGpuMemoryGb = 12,
            GpuMemoryMode = GpuMemoryMode.Possible,
            Features = ["private-notebooks"],
        };

        Assert.Equal("colab,kaggle", Apply(privateTesla));
        Assert.Equal("colab", Apply(privateTesla with { Minimums = SpecMinimums.Of((Specs.MaxSessionHours, 7)) }));
        Assert.Equal("kaggle", Apply(privateTesla with { GpuMemoryMode = GpuMemoryMode.Guaranteed }));
        Assert.Equal("", Apply(privateTesla with { Minimums = SpecMinimums.Of((Specs.MaxSessionHours, 7)), GpuMemoryMode = GpuMemoryMode.Guaranteed }));
        Assert.Equal("colab", Apply(new PlatformQuery { Minimums = SpecMinimums.Of((Specs.IdleTimeoutMinutes, 25), (Specs.WeeklyGpuHours, 1000), (Specs.MaxSessionHours, 12)) }));
        Assert.Equal("gradient", Apply(new PlatformQuery { Minimums = SpecMinimums.Of((Specs.IdleTimeoutMinutes, 25), (Specs.MaxSessionHours, 6)), Text = "paperspace" }));
    }

    [Fact]
    public void HasFilters_is_true_for_every_filter_but_not_for_sort_or_status()
    {
        Assert.True(new PlatformQuery { Text = "x" }.HasFilters);
        Assert.True(new PlatformQuery { MinGpuMemoryGb = 1 }.HasFilters);
        Assert.True(new PlatformQuery { Minimums = SpecMinimums.Of((Specs.MaxSessionHours, 1)) }.HasFilters);
        Assert.True(new PlatformQuery { Minimums = SpecMinimums.Of((Specs.IdleTimeoutMinutes, 1)) }.HasFilters);
        Assert.True(new PlatformQuery { Minimums = SpecMinimums.Of((Specs.WeeklyGpuHours, 1)) }.HasFilters);
        Assert.True(new PlatformQuery { Features = ["tpu"] }.HasFilters);
        Assert.False(new PlatformQuery { Sort = new PlatformSort(SortKey.Find("ramGb")!, true), IncludeRetired = true }.HasFilters);
        Assert.False(new PlatformQuery { GpuMemoryMode = GpuMemoryMode.Possible }.HasFilters);
    }

    [Theory]
    [InlineData("gpuMemoryGb")]
    [InlineData("sessionHours")]
    [InlineData("idleMinutes")]
    [InlineData("weeklyGpuHours")]
    public void Numeric_filters_compare_numbers_not_text(string columnName)
    {
        var column = SortKey.Find(columnName)!;
        var platforms = new[] { 3.0, 20, 100, 1000 }.Select(v => Create($"p{v}").WithValue(column, v)).ToList();
        PlatformQuery AtLeast(double minimum) => column == SortKey.GpuMemoryGb
            ? new PlatformQuery { MinGpuMemoryGb = minimum }
            : PlatformQuery.Default.WithMinimum(column.Spec!, minimum);

        Assert.Equal("p100,p1000,p20", AtLeast(20).Apply(platforms).Slugs());
        Assert.Equal("p100,p1000", AtLeast(21).Apply(platforms).Slugs());
        Assert.Equal("p1000", AtLeast(101).Apply(platforms).Slugs());
        Assert.Equal("p100,p1000,p20,p3", AtLeast(2.5).Apply(platforms).Slugs());
    }
}
