using System.Diagnostics;
using System.Text;

using FreeGpuPortal.HardwareReports;

namespace FreeGpuPortal.Tests.HardwareReports;

/// <summary>
/// Input meant to hurt: size limits, binary junk and the repetitions that make naive scanners go quadratic. Each case
/// must finish well inside a bound that still holds on a slow two-core build machine.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(2);

    public static TheoryData<string> Cases() =>
    [
        "nul-and-binary", "100k-short-lines", "100k-gpu-list-lines", "one-256k-line", "pipes", "mib-mib",
        "memory-cells", "gpu-rows", "bus-cells-without-rows", "uuid-markers", "driver-labels", "driver-label-then-spaces",
        "html-tags", "html-entities", "csv-headers", "csv-commas", "csv-brand-rows", "lscpu-keys", "numa-keys",
        "meminfo-keys", "error-phrases", "nvidia-smi-headers", "unicode-junk", "deep-digits",
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Hostile_input_is_parsed_quickly_without_exceptions(string name)
    {
        string text = Build(name);
        Assert.InRange(Encoding.UTF8.GetByteCount(text), 1, HardwareReportParser.MaxInputBytes);

        HardwareReportParser.Parse("warm up the JIT | 0 x | GPU 0: x (UUID: y)");
        Stopwatch watch = Stopwatch.StartNew();
        HardwareReport report = HardwareReportParser.Parse(text);
        watch.Stop();

        Assert.False(report.TooLarge);
        ReportInvariants.AssertHold(report);
        Assert.True(watch.Elapsed < s_bound, $"{name} took {watch.Elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public void Many_gpu_rows_are_capped()
    {
        string text = string.Concat(Enumerable.Range(0, 400).Select(i =>
            $"|{i,4}  Tesla T4            Off  | 00000000:00:04.0 Off |                    0 |\n"
            + "| N/A   36C    P8     9W /  70W |      0MiB / 15109MiB |      0%      Default |\n"));

        HardwareReport report = HardwareReportParser.Parse(text);

        Assert.Equal(HardwareReportParser.MaxGpus, report.Gpus.Count);
        Assert.All(report.Gpus, gpu => Assert.Equal(new ReportedGpu("Tesla T4", 15109), gpu));
        Assert.Contains(report.Messages, m => m.Contains("only the first", StringComparison.Ordinal));
    }

    [Fact]
    public void Many_different_cut_names_do_not_flood_the_messages()
    {
        string text = string.Concat(Enumerable.Range(0, 300).Select(i =>
            $"|{i,4}  Tesla X{i,-4}-PCIE...  Off  | 00000000:00:04.0 Off |                    0 |\n"
            + "| N/A   36C    P8     9W /  70W |      0MiB / 15109MiB |      0%      Default |\n"));

        HardwareReport report = HardwareReportParser.Parse(text);

        Assert.Equal(HardwareReportParser.MaxGpus, report.Gpus.Count);
        Assert.StartsWith("Tesla X0", report.Gpus[0].Name, StringComparison.Ordinal);
        ReportInvariants.AssertHold(report);
    }

    [Fact]
    public void Paste_of_exactly_the_limit_is_accepted()
    {
        string text = Fill("MemTotal:       16268680 kB\n", HardwareReportParser.MaxInputBytes);
        Assert.Equal(HardwareReportParser.MaxInputBytes, Encoding.UTF8.GetByteCount(text));

        HardwareReport report = HardwareReportParser.Parse(text);

        Assert.False(report.TooLarge);
        Assert.Equal(16268680, report.MemTotalKiB);
    }

    [Fact]
    public void Paste_one_byte_over_the_limit_is_refused_with_a_clear_message()
    {
        string text = Fill("MemTotal:       16268680 kB\n", HardwareReportParser.MaxInputBytes + 1);

        HardwareReport report = HardwareReportParser.Parse(text);

        Assert.True(report.TooLarge);
        Assert.Null(report.MemTotalKiB);
        Assert.Contains(report.Messages, m => m.Contains("too large", StringComparison.Ordinal) && m.Contains("256 KB", StringComparison.Ordinal));
        ReportInvariants.AssertHold(report);
    }

    [Fact]
    public void Limit_counts_utf8_bytes_not_characters()
    {
        // 100,000 characters but 300,000 bytes.
        string text = new('€', 100_000);

        HardwareReport report = HardwareReportParser.Parse(text);

        Assert.True(report.TooLarge);
        Assert.Contains(report.Messages, m => m.Contains("300,000 bytes", StringComparison.Ordinal));
    }

    [Fact]
    public void Huge_paste_is_refused_without_reading_it()
    {
        string text = new('x', 16 * 1024 * 1024);
        Stopwatch watch = Stopwatch.StartNew();

        HardwareReport report = HardwareReportParser.Parse(text);

        Assert.True(report.TooLarge);
        Assert.True(watch.Elapsed < s_bound, $"took {watch.Elapsed.TotalMilliseconds:F0} ms");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t\n  ")]
    [InlineData("hello world")]
    [InlineData("\0\0\0")]
    public void Nothing_recognisable_gives_empty_values_and_says_what_to_paste(string? text)
    {
        HardwareReport report = HardwareReportParser.Parse(text);

        Assert.Empty(report.Gpus);
        Assert.Null(report.GpuCount);
        Assert.Null(report.DriverVersion);
        Assert.Null(report.CudaVersion);
        Assert.Null(report.Cpu);
        Assert.Null(report.MemTotalKiB);
        Assert.False(report.TooLarge);
        string message = Assert.Single(report.Messages);
        Assert.Contains("nvidia-smi", message, StringComparison.Ordinal);
        Assert.Contains("lscpu", message, StringComparison.Ordinal);
        Assert.Contains("/proc/meminfo", message, StringComparison.Ordinal);
    }

    private static string Build(string name)
    {
        const int Size = HardwareReportParser.MaxInputBytes;
        return name switch
        {
            "nul-and-binary" => Binary(Size),
            "100k-short-lines" => string.Concat(Enumerable.Repeat("a|\n", 87_000)),
            "100k-gpu-list-lines" => Fill("GPU 0:\n", Size),
            "one-256k-line" => new string('x', Size),
            "pipes" => Fill("| ", Size),
            "mib-mib" => Fill("MiB ", Size),
            "memory-cells" => Fill("| 1MiB / 2MiB ", Size),
            "gpu-rows" => Fill("|   0  Tesla T4   Off  | ", Size),
            "bus-cells-without-rows" => Fill("| 00000000:00:04.0 Off ", Size),
            "uuid-markers" => Fill("GPU 1: (UUID: MIG-", Size),
            "driver-labels" => Fill("Driver Version: CUDA Version: NVIDIA-SMI ", Size),
            "driver-label-then-spaces" => "Driver Version" + new string(' ', Size - 40) + ": 535.1",
            "html-tags" => Fill("<pre <code <br", Size),
            "html-entities" => Fill("&#1234&gt&amp;&#x", Size),
            "csv-headers" => Fill("name, memory.total [MiB], driver_version\n", Size),
            "csv-commas" => Fill(",", Size),
            "csv-brand-rows" => Fill("Tesla T4, 15360, 14912, Tesla, NVIDIA, ", Size),
            "lscpu-keys" => Fill("CPU(s): Model name: Socket(s):", Size),
            "numa-keys" => Fill("NUMA node0 CPU(s):", Size),
            "meminfo-keys" => Fill("MemTotal:MemTotal: 9", Size),
            "error-phrases" => Fill("Failed to initialize NVML nvidia-smi: comma", Size),
            "nvidia-smi-headers" => Fill("NVIDIA-SMI 5", Size),
            "unicode-junk" => Fill("\u2502\u2514>\u200B\uFEFF\u00A0\u2026\uD83D\uDE00", Size / 2),
            "deep-digits" => new string('9', Size),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }

    /// <summary>Repeats <paramref name="unit"/> and pads with spaces to exactly <paramref name="bytes"/> UTF-8 bytes.</summary>
    private static string Fill(string unit, int bytes)
    {
        int unitBytes = Encoding.UTF8.GetByteCount(unit);
        StringBuilder sb = new(bytes);
        int used = 0;
        while (used + unitBytes <= bytes)
        {
            sb.Append(unit);
            used += unitBytes;
        }

        return sb.Append(' ', bytes - used).ToString();
    }

    private static string Binary(int bytes)
    {
        Random random = new(1234);
        byte[] raw = new byte[bytes];
        random.NextBytes(raw);
        for (int i = 0; i < raw.Length; i += 7)
        {
            raw[i] = 0;
        }

        // Latin-1 maps each byte to one char; bytes above 0x7F become two UTF-8 bytes, so keep half.
        string text = Encoding.Latin1.GetString(raw, 0, bytes / 2);
        return text;
    }
}
