using CsCheck;

using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Catalog;

using static FreeGpuPortal.Tests.Support.SyntheticPlatforms;

namespace FreeGpuPortal.Tests.Catalog;

/// <summary>
/// Every sort key in both directions: over the seeded catalog, and over synthetic platforms for numbers that text
/// order would get wrong, unknowns (last in both directions), ties (by name) and ranges (by their guaranteed end).
/// </summary>
public sealed class PlatformQuerySortTests(SeededCatalogFixture fixture) : IClassFixture<SeededCatalogFixture>
{
    public static TheoryData<string> NumericKeys => [.. SortKey.All.Where(k => k != SortKey.ByName).Select(k => k.Name)];

    [Theory]
    [InlineData("name", false, "colab,kaggle,gradient")]
    [InlineData("name", true, "gradient,kaggle,colab")]
    // Guaranteed memory: colab 8 (its smallest GPU, the P4), gradient 8, kaggle 16; ties by name.
    [InlineData("gpuMemoryGb", false, "colab,gradient,kaggle")]
    [InlineData("gpuMemoryGb", true, "kaggle,colab,gradient")]
    // Session: gradient 6, colab 12, kaggle unknown (last both ways).
    [InlineData("sessionHours", false, "gradient,colab,kaggle")]
    [InlineData("sessionHours", true, "colab,gradient,kaggle")]
    // Idle: kaggle 20, colab 30, gradient 60–360 (by 60).
    [InlineData("idleMinutes", false, "kaggle,colab,gradient")]
    [InlineData("idleMinutes", true, "gradient,colab,kaggle")]
    // Weekly: kaggle 30–41 (by 30), colab no quota (above every number), gradient unknown (last).
    [InlineData("weeklyGpuHours", false, "kaggle,colab,gradient")]
    [InlineData("weeklyGpuHours", true, "colab,kaggle,gradient")]
    // CPUs: colab 2, kaggle 2, gradient 8.
    [InlineData("cpuCores", false, "colab,kaggle,gradient")]
    [InlineData("cpuCores", true, "gradient,colab,kaggle")]
    // RAM: colab 13, kaggle 13, gradient 30.
    [InlineData("ramGb", false, "colab,kaggle,gradient")]
    [InlineData("ramGb", true, "gradient,colab,kaggle")]
    // Storage: gradient 5, colab 15, kaggle unknown.
    [InlineData("storageGb", false, "gradient,colab,kaggle")]
    [InlineData("storageGb", true, "colab,gradient,kaggle")]
    // No seeded platform has been verified yet: all unknown, so by name both ways.
    [InlineData("lastVerified", false, "colab,kaggle,gradient")]
    [InlineData("lastVerified", true, "colab,kaggle,gradient")]
    public void Seed_platforms_sort_by_every_key(string keyName, bool descending, string expected)
    {
        var key = SortKey.Find(keyName)!;
        var query = new PlatformQuery { Sort = new PlatformSort(key, descending) };

        Assert.Equal(expected, query.Apply(fixture.Snapshot.Platforms).Slugs());
    }

    [Theory]
    [InlineData(false, "gradient,colab,kaggle")]
    [InlineData(true, "colab,kaggle,gradient")]
    public void Gpu_memory_in_possible_mode_sorts_by_the_largest_gpu(bool descending, string expected)
    {
        // Possible memory: gradient 8, colab 16 (T4, P100), kaggle 16.
        var query = new PlatformQuery { GpuMemoryMode = GpuMemoryMode.Possible, Sort = new PlatformSort(SortKey.GpuMemoryGb, descending) };

        Assert.Equal(expected, query.Apply(fixture.Snapshot.Platforms).Slugs());
    }

    [Theory]
    [MemberData(nameof(NumericKeys))]
    public void Numbers_sort_as_numbers_with_unknown_last_in_both_directions(string keyName)
    {
        var key = SortKey.Find(keyName)!;
        var platforms = new (string Slug, double? Value)[]
        {
            ("unknown-a", null), ("v100", 100), ("v20", 20), ("unknown-b", null), ("v3", 3), ("v1000", 1000), ("v25", 25),
        }.Select(p => Create(p.Slug).WithValue(key, p.Value)).ToList();

        var ascending = new PlatformQuery { Sort = new PlatformSort(key, false) }.Apply(platforms);
        var descending = new PlatformQuery { Sort = new PlatformSort(key, true) }.Apply(platforms);

        Assert.Equal("v3,v20,v25,v100,v1000,unknown-a,unknown-b", ascending.Slugs());
        Assert.Equal("v1000,v100,v25,v20,v3,unknown-a,unknown-b", descending.Slugs());
    }

    [Theory]
    [MemberData(nameof(NumericKeys))]
    public void Ties_are_broken_by_name_ascending_in_both_directions(string keyName)
    {
        var key = SortKey.Find(keyName)!;
        var platforms = new[]
        {
            Create("zeta", "zeta").WithValue(key, 10), Create("alpha", "Alpha").WithValue(key, 10),
            Create("mid", "Mid").WithValue(key, 10), Create("big", "Big").WithValue(key, 50),
        };

        Assert.Equal("alpha,mid,zeta,big", new PlatformQuery { Sort = new PlatformSort(key, false) }.Apply(platforms).Slugs());
        Assert.Equal("big,alpha,mid,zeta", new PlatformQuery { Sort = new PlatformSort(key, true) }.Apply(platforms).Slugs());
    }

    [Fact]
    public void Names_sort_case_insensitively()
    {
        var platforms = new[] { Create("b", "beta"), Create("a", "Alpha"), Create("c", "CHARLIE") };

        Assert.Equal("a,b,c", PlatformQuery.Default.Apply(platforms).Slugs());
        Assert.Equal("c,b,a", new PlatformQuery { Sort = new PlatformSort(SortKey.ByName, true) }.Apply(platforms).Slugs());
    }

    [Theory]
    [InlineData("sessionHours")]
    [InlineData("idleMinutes")]
    [InlineData("cpuCores")]
    [InlineData("ramGb")]
    [InlineData("storageGb")]
    public void Ranges_sort_by_their_minimum(string keyName)
    {
        var key = SortKey.Find(keyName)!;
        // 60–360 counts as 60: below a flat 100 however high its maximum.
        var range = Create("range").WithValue(key, 60);
        range = range.With(key.Spec!, Range(60, 360));
        var platforms = new[] { Create("flat").WithValue(key, 100), range, Create("low").WithValue(key, 59) };

        Assert.Equal("low,range,flat", new PlatformQuery { Sort = new PlatformSort(key, false) }.Apply(platforms).Slugs());
        Assert.Equal("flat,range,low", new PlatformQuery { Sort = new PlatformSort(key, true) }.Apply(platforms).Slugs());
    }

    [Fact]
    public void Weekly_hours_range_sorts_by_its_minimum()
    {
        var range = Create("range").With(Specs.WeeklyGpuHours, Range(30, 41)) with { WeeklyQuotaKind = WeeklyQuotaKind.Limited };
        var flat = Create("flat").WithValue(SortKey.Find("weeklyGpuHours")!, 35);

        Assert.Equal("range,flat", new PlatformQuery { Sort = new PlatformSort(SortKey.Find("weeklyGpuHours")!, false) }.Apply([flat, range]).Slugs());
    }

    [Theory]
    [InlineData(GpuMemoryMode.Guaranteed, false, "wide,single,unknown")]
    [InlineData(GpuMemoryMode.Guaranteed, true, "single,wide,unknown")]
    [InlineData(GpuMemoryMode.Possible, false, "single,wide,unknown")]
    [InlineData(GpuMemoryMode.Possible, true, "wide,single,unknown")]
    public void Gpu_memory_range_sorts_by_minimum_or_by_maximum_in_possible_mode(GpuMemoryMode mode, bool descending, string expected)
    {
        var wide = Create("wide") with { Gpus = [Gpu(8), Gpu(40)] };
        var single = Create("single") with { Gpus = [Gpu(24)] };
        var unknown = Create("unknown") with { Gpus = [Gpu(null)] };
        var query = new PlatformQuery { GpuMemoryMode = mode, Sort = new PlatformSort(SortKey.GpuMemoryGb, descending) };

        Assert.Equal(expected, query.Apply([unknown, single, wide]).Slugs());
    }

    [Fact]
    public void No_weekly_quota_sorts_above_every_number_and_unknown_stays_last()
    {
        var noQuota = Create("no-quota") with { WeeklyQuotaKind = WeeklyQuotaKind.NoQuota };
        var huge = Create("huge").WithValue(SortKey.Find("weeklyGpuHours")!, double.MaxValue);
        var small = Create("small").WithValue(SortKey.Find("weeklyGpuHours")!, 1);
        var unknown = Create("unknown");
        var limitedButUnstated = Create("limited-unstated") with { WeeklyQuotaKind = WeeklyQuotaKind.Limited };
        PlatformSummary[] platforms = [unknown, noQuota, limitedButUnstated, small, huge];

        Assert.Equal(
            "small,huge,no-quota,limited-unstated,unknown",
            new PlatformQuery { Sort = new PlatformSort(SortKey.Find("weeklyGpuHours")!, false) }.Apply(platforms).Slugs());
        Assert.Equal(
            "no-quota,huge,small,limited-unstated,unknown",
            new PlatformQuery { Sort = new PlatformSort(SortKey.Find("weeklyGpuHours")!, true) }.Apply(platforms).Slugs());
    }

    [Fact]
    public void Last_verified_sorts_by_date()
    {
        var older = Create("older") with { LastVerifiedOn = new DateOnly(2024, 12, 31) };
        var newer = Create("newer") with { LastVerifiedOn = new DateOnly(2025, 2, 1) };
        var never = Create("never");

        Assert.Equal("older,newer,never", new PlatformQuery { Sort = new PlatformSort(SortKey.LastVerified, false) }.Apply([never, newer, older]).Slugs());
        Assert.Equal("newer,older,never", new PlatformQuery { Sort = new PlatformSort(SortKey.LastVerified, true) }.Apply([never, newer, older]).Slugs());
    }

    [Fact]
    public void Sorting_does_not_depend_on_input_order_and_puts_unknowns_last()
    {
        var values = Gen.OneOf<double?>(
            Gen.Int[0, 5].Select(i => (double?)(i * 10)),
            Gen.Double[0, 1e6].Select(d => (double?)d),
            Gen.Const((double?)null));
        var platforms = Gen.Select(Gen.Int[1, SortKey.All.Count - 1].Select(i => SortKey.All[i]), values.Array[1, 12], Gen.Bool)
            .Select((key, vs, descending) => (
                Key: key,
                Descending: descending,
                Platforms: vs.Select((v, i) => Create($"p{i:00}", i % 3 == 0 ? "Same" : $"Name {i:00}").WithValue(key, v)).ToArray()));

        Gen.Select(platforms, Gen.Int.Array[12])
            .Sample((sample, shuffleKeys) =>
            {
                var query = new PlatformQuery { Sort = new PlatformSort(sample.Key, sample.Descending) };
                var shuffled = sample.Platforms.Select((p, i) => (p, shuffleKeys[i])).OrderBy(x => x.Item2).Select(x => x.p).ToArray();

                var once = query.Apply(sample.Platforms);
                Assert.Equal(once.Slugs(), query.Apply(shuffled).Slugs());

                var values = once.Select(query.SortValue).ToList();
                var firstUnknown = values.FindIndex(v => v is null);
                if (firstUnknown >= 0)
                {
                    Assert.All(values.Skip(firstUnknown), v => Assert.Null(v));
                }

                var known = values.TakeWhile(v => v is not null).Select(v => v!.Value).ToList();
                var expected = sample.Descending ? known.OrderByDescending(v => v) : known.OrderBy(v => v);
                Assert.Equal(expected, known);
            }, iter: 500);
    }
}
