using BenchmarkDotNet.Attributes;

using FreeGpuPortal.Web.Catalog;

using Microsoft.Extensions.Primitives;

namespace FreeGpuPortal.Benchmarks;

/// <summary>
/// Server-side cost of one comparison view: parse the URL parameters, filter and sort the catalog snapshot. Run over
/// the seed catalog (3 platforms) and a synthetic catalog of 1,000 platforms with the same shape of data.
/// </summary>
[MemoryDiagnoser]
public class CatalogQueryBenchmarks
{
    private CatalogSnapshot _snapshot = null!;
    private Dictionary<string, StringValues> _parameters = null!;

    [Params(3, 1000)]
    public int Platforms { get; set; }

    [Params("sort=name", "minGpuMemoryGb=12&gpuMemory=possible&features=private-notebooks&sort=-gpuMemoryGb")]
    public string Query { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _snapshot = SyntheticCatalog.Create(Platforms);
        _parameters = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery("?" + Query);
    }

    [Benchmark]
    public int ParseFilterAndSort()
    {
        var parsed = PlatformQueryParser.Parse(_parameters, _snapshot.FeatureKeys);
        return parsed.Query.Apply(_snapshot.Platforms).Count;
    }
}

/// <summary>Platforms built from the seed's value shapes: ranges, unknowns, no-quota, several GPU options.</summary>
public static class SyntheticCatalog
{
    private static readonly (string Slug, string Name, double Memory)[] Gpus =
    [
        ("tesla-k80", "Tesla K80", 12), ("tesla-t4", "Tesla T4", 16), ("tesla-p4", "Tesla P4", 8),
        ("tesla-p100", "Tesla P100 (PCIe)", 16), ("quadro-m4000", "Quadro M4000", 8), ("a100-40", "A100 40GB", 40),
    ];

    private static readonly string[] FeatureKeys =
        ["private-notebooks", "background-execution", "tpu", "notebook-versioning", "dataset-integration", "cloud-storage-integration"];

    public static CatalogSnapshot Create(int count)
    {
        var random = new Random(42);
        SpecValue Maybe(double min, double max) => random.Next(5) == 0
            ? SpecValue.Unknown()
            : new SpecValue { Min = Math.Round(min + random.NextDouble() * (max - min)), Max = null, SourceTitle = "synthetic" };

        var platforms = Enumerable.Range(0, count).Select(i =>
        {
            var idle = Maybe(10, 120);
            if (idle.Min is { } low && random.Next(3) == 0)
            {
                idle.Max = low * 4;
            }

            var quotaKind = (WeeklyQuotaKind)random.Next(3);
            return new PlatformSummary
            {
                Id = i + 1,
                Slug = $"platform-{i:D4}",
                Name = $"Platform {random.Next(100_000):D5}",
                Vendor = $"Vendor {i % 37}",
                Status = random.Next(20) == 0 ? PlatformStatus.Discontinued : PlatformStatus.Active,
                Gpus = [.. Gpus.OrderBy(_ => random.Next()).Take(random.Next(1, 4))
                    .Select(g => new GpuOptionSummary(g.Slug, g.Name, g.Memory, 1, null, null, null, null))],
                Specs = new Dictionary<SpecDefinition, SpecValue>
                {
                    [Specs.CpuCount] = Maybe(2, 16),
                    [Specs.RamGb] = Maybe(8, 64),
                    [Specs.StorageGb] = Maybe(5, 100),
                    [Specs.MaxSessionHours] = Maybe(1, 24),
                    [Specs.IdleTimeoutMinutes] = idle,
                    [Specs.WeeklyGpuHours] = quotaKind == WeeklyQuotaKind.Limited ? Maybe(10, 50) : SpecValue.Unknown(),
                },
                WeeklyQuotaKind = quotaKind,
                Features = [.. FeatureKeys.Where(_ => random.Next(2) == 0).Select(k => new FeatureSummary(k, k, true, null, null, null, null))],
                LastVerifiedOn = random.Next(3) == 0 ? null : new DateOnly(2026, 1, 1).AddDays(random.Next(300)),
            };
        }).ToList();

        return new CatalogSnapshot(platforms, [.. FeatureKeys.Select(k => new FeatureInfo(k, k, null))]);
    }
}
