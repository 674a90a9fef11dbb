using System.Globalization;
using System.Text.Json;

using FreeGpuPortal.HardwareReports;

namespace FreeGpuPortal.Tests.HardwareReports;

/// <summary>Every real output under tests/fixtures/hardware-reports must read to the values its .json states.</summary>
public sealed class FixtureTests
{
    // Every key a fixture's "expected" object may use; a new key must get an assertion here before fixtures use it.
    private static readonly HashSet<string> s_assertedKeys =
    [
        "gpu_name", "gpu_name_as_printed", "gpu_count", "gpu_memory_total_mib", "driver_version", "cuda_version",
        "model_name", "cpus", "threads_per_core", "cores_per_socket", "sockets", "mem_total_kib", "mig_device_count",
        "error",
    ];

    public static TheoryData<string> Fixtures() => [.. HardwareReportFixtures.TextFiles()];

    [Fact]
    public void Every_fixture_file_is_a_test_case_and_listed_in_the_index()
    {
        IReadOnlyList<string> files = HardwareReportFixtures.TextFiles();
        List<string> indexed = [.. HardwareReportFixtures.ReadIndex().EnumerateArray().Select(e => e.GetProperty("file").GetString()!)];

        Assert.NotEmpty(files);
        Assert.Equal(files, ((IEnumerable<object[]>)Fixtures()).Select(row => (string)row[0]));
        Assert.Equal(files, indexed.Order(StringComparer.Ordinal));
        foreach (string file in files)
        {
            Assert.True(
                File.Exists(Path.Combine(HardwareReportFixtures.Root, Path.ChangeExtension(file, ".json"))),
                $"{file} has no .json with expected values");
        }
    }

    [Fact]
    public void Index_and_per_file_expectations_agree_and_use_only_asserted_keys()
    {
        foreach (JsonElement entry in HardwareReportFixtures.ReadIndex().EnumerateArray())
        {
            string file = entry.GetProperty("file").GetString()!;
            JsonElement expected = entry.GetProperty("expected");
            Assert.True(
                JsonElement.DeepEquals(expected, HardwareReportFixtures.ReadExpected(file)),
                $"{file}: index.json and its .json disagree on the expected values");
            foreach (JsonProperty property in expected.EnumerateObject())
            {
                Assert.True(s_assertedKeys.Contains(property.Name), $"{file}: expected key '{property.Name}' is not asserted by {nameof(Fixture_reads_to_its_expected_values)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_reads_to_its_expected_values(string file)
    {
        HardwareReport report = HardwareReportParser.Parse(HardwareReportFixtures.ReadText(file));
        JsonElement expected = HardwareReportFixtures.ReadExpected(file);
        string messages = string.Join(Environment.NewLine, report.Messages);

        Assert.False(report.TooLarge);
        Assert.DoesNotContain(report.Messages, m => m.Contains("internal error", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Messages, m => m.StartsWith("Nothing recognisable", StringComparison.Ordinal));

        if (expected.TryGetProperty("gpu_count", out JsonElement count))
        {
            int n = count.GetInt32();
            Assert.Equal(n, report.GpuCount);
            Assert.Equal(n, report.Gpus.Count);
        }

        if (expected.TryGetProperty("gpu_name", out JsonElement name))
        {
            AssertGpuNames(name, report);
        }

        if (expected.TryGetProperty("gpu_name_as_printed", out JsonElement printed))
        {
            // The table cut the name; the report carries the completed one and says what was printed.
            Assert.Contains($"'{printed.GetString()}'", messages, StringComparison.Ordinal);
        }

        if (expected.TryGetProperty("gpu_memory_total_mib", out JsonElement memory))
        {
            AssertGpuMemory(memory, report);
        }

        if (expected.TryGetProperty("driver_version", out JsonElement driver))
        {
            Assert.Equal(driver.GetString(), report.DriverVersion);
        }

        if (expected.TryGetProperty("cuda_version", out JsonElement cuda))
        {
            Assert.Equal(cuda.GetString(), report.CudaVersion);
        }

        if (expected.TryGetProperty("model_name", out JsonElement model))
        {
            Assert.Equal(model.GetString(), report.Cpu?.Model);
        }

        if (expected.TryGetProperty("cpus", out JsonElement cpus))
        {
            Assert.Equal(cpus.GetInt32(), report.Cpu?.LogicalCpus);
        }

        if (expected.TryGetProperty("threads_per_core", out JsonElement threads))
        {
            Assert.Equal(threads.GetInt32(), report.Cpu?.ThreadsPerCore);
        }

        if (expected.TryGetProperty("sockets", out JsonElement sockets))
        {
            Assert.Equal(sockets.GetInt32(), report.Cpu?.Sockets);
        }

        if (expected.TryGetProperty("cores_per_socket", out JsonElement cores))
        {
            // Not part of the public shape; the lscpu message states it.
            int c = cores.GetInt32();
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $" {c} core{(c == 1 ? "" : "s")} per socket"), messages, StringComparison.Ordinal);
        }

        if (expected.TryGetProperty("mem_total_kib", out JsonElement mem))
        {
            Assert.Equal(mem.GetInt64(), report.MemTotalKiB);
        }

        if (expected.TryGetProperty("mig_device_count", out JsonElement mig))
        {
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{mig.GetInt32()} MIG devices"), messages, StringComparison.Ordinal);
        }

        if (expected.TryGetProperty("error", out JsonElement error))
        {
            Assert.Contains(ExpectedErrorWording(error.GetString()!), messages, StringComparison.Ordinal);
            Assert.Empty(report.Gpus);
        }
    }

    /// <summary>
    /// The fixtures describe each error in their own words; this maps those descriptions to the wording the parser
    /// must use, so an unknown kind of error in a new fixture fails here rather than passing unchecked.
    /// </summary>
    private static string ExpectedErrorWording(string description)
    {
        if (description.Contains("libnvidia-ml", StringComparison.Ordinal))
        {
            return "could not load libnvidia-ml.so";
        }

        if (description.Contains("kernel driver", StringComparison.Ordinal))
        {
            return "No NVIDIA driver answered in this session — was a GPU runtime selected?";
        }

        if (description.Contains("version mismatch", StringComparison.Ordinal))
        {
            return "driver/library version mismatch";
        }

        if (description.Contains("not installed", StringComparison.Ordinal))
        {
            return "nvidia-smi is not installed in this session";
        }

        Assert.Fail($"No expected wording for fixture error '{description}'");
        return string.Empty;
    }

    private static void AssertGpuNames(JsonElement name, HardwareReport report)
    {
        switch (name.ValueKind)
        {
            case JsonValueKind.Null:
                Assert.NotEmpty(report.Gpus);
                Assert.All(report.Gpus, gpu => Assert.Null(gpu.Name));
                break;
            case JsonValueKind.String:
                Assert.NotEmpty(report.Gpus);
                Assert.All(report.Gpus, gpu => AssertName(name.GetString()!, gpu.Name));
                break;
            case JsonValueKind.Array:
                string[] names = [.. name.EnumerateArray().Select(e => e.GetString()!)];
                Assert.Equal(names.Length, report.Gpus.Count);
                for (int i = 0; i < names.Length; i++)
                {
                    AssertName(names[i], report.Gpus[i].Name);
                }

                break;
            default:
                Assert.Fail($"Unexpected gpu_name value {name}");
                break;
        }
    }

    /// <summary>
    /// "GeForce GTX 1060 (printed 'GeForce GTX 106...')" means the fixture only knows the model family: the parser may
    /// keep the printed text or complete it, but a completion must start with the stated name.
    /// </summary>
    private static void AssertName(string expected, string? actual)
    {
        const string Marker = " (printed '";
        int marker = expected.IndexOf(Marker, StringComparison.Ordinal);
        if (marker < 0)
        {
            Assert.Equal(expected, actual);
            return;
        }

        string family = expected[..marker];
        string printedName = expected[(marker + Marker.Length)..^2];
        Assert.NotNull(actual);
        Assert.True(
            actual == printedName || actual.StartsWith(family, StringComparison.Ordinal),
            $"Expected '{printedName}' or a name starting with '{family}', got '{actual}'");
    }

    private static void AssertGpuMemory(JsonElement memory, HardwareReport report)
    {
        if (memory.ValueKind == JsonValueKind.Array)
        {
            int[] values = [.. memory.EnumerateArray().Select(e => e.GetInt32())];
            Assert.Equal(values, report.Gpus.Select(g => g.MemoryMiB ?? -1));
            return;
        }

        // One figure for several GPUs of the same model: the first GPU carries it, and no GPU contradicts it (a
        // paste may give memory for some GPUs only, e.g. one CSV line next to a longer -L list).
        int mib = memory.GetInt32();
        Assert.NotEmpty(report.Gpus);
        Assert.Equal(mib, report.Gpus[0].MemoryMiB);
        Assert.All(report.Gpus, gpu => Assert.True(gpu.MemoryMiB is null || gpu.MemoryMiB == mib));
    }
}
