using System.Text;
using System.Text.Json;

using FreeGpuPortal.HardwareReports;

namespace FreeGpuPortal.Tests.HardwareReports;

/// <summary>
/// The formats and disguises named in the issue, on top of the real fixtures: every fixture must read the same after
/// being flattened, wrapped in HTML, prefixed, re-indented or given Windows line ends; plus layouts the fixtures do
/// not contain (MIG tables, CSV column orders, heterogeneous 580 tables).
/// </summary>
public sealed class FormatTests
{
    private const string MigTable = """
        +-----------------------------------------------------------------------------+
        | NVIDIA-SMI 470.82.01    Driver Version: 470.82.01    CUDA Version: 11.4     |
        |-------------------------------+----------------------+----------------------+
        | GPU  Name        Persistence-M| Bus-Id        Disp.A | Volatile Uncorr. ECC |
        | Fan  Temp  Perf  Pwr:Usage/Cap|         Memory-Usage | GPU-Util  Compute M. |
        |                               |                      |               MIG M. |
        |===============================+======================+======================|
        |   0  NVIDIA A100-SXM...  On   | 00000000:07:00.0 Off |                   On |
        | N/A   28C    P0    42W / 400W |     24MiB / 40536MiB |     N/A      Default |
        |                               |                      |              Enabled |
        +-------------------------------+----------------------+----------------------+

        +-----------------------------------------------------------------------------+
        | MIG devices:                                                                |
        +------------------+----------------------+-----------+-----------------------+
        | GPU  GI  CI  MIG |         Memory-Usage |        Vol|         Shared        |
        |      ID  ID  Dev |           BAR1-Usage | SM     Unc| CE  ENC  DEC  OFA  JPG|
        |                  |                      |        ECC|                       |
        |==================+======================+===========+=======================|
        |  0    1   0   0  |     11MiB / 20096MiB | 42      0 |  3   0    2    0    0 |
        |                  |      0MiB / 32767MiB |           |                       |
        +------------------+----------------------+-----------+-----------------------+
        |  0    2   0   1  |      6MiB /  9984MiB | 28      0 |  2   0    1    0    0 |
        |                  |      0MiB / 16383MiB |           |                       |
        +------------------+----------------------+-----------+-----------------------+
        |  0    3   0   2  |      6MiB /  9984MiB | 28      0 |  2   0    1    0    0 |
        |                  |      0MiB / 16383MiB |           |                       |
        +------------------+----------------------+-----------+-----------------------+
        """;

    private const string HeterogeneousTable580 = """
        +-----------------------------------------------------------------------------------------+
        | NVIDIA-SMI 580.82.07              Driver Version: 580.82.07      CUDA Version: 13.0     |
        +-----------------------------------------+------------------------+----------------------+
        | GPU  Name                 Persistence-M | Bus-Id          Disp.A | Volatile Uncorr. ECC |
        | Fan  Temp   Perf          Pwr:Usage/Cap |           Memory-Usage | GPU-Util  Compute M. |
        |                                         |                        |               MIG M. |
        |=========================================+========================+======================|
        |   0  NVIDIA GeForce RTX 4090        Off |   00000000:01:00.0  On |                  Off |
        |  0%   45C    P8             20W /  450W |     900MiB /  24564MiB |      2%      Default |
        |                                         |                        |                  N/A |
        +-----------------------------------------+------------------------+----------------------+
        |   1  NVIDIA RTX A6000               Off |   00000000:02:00.0 Off |                  Off |
        | 30%   40C    P8             22W /  300W |       4MiB /  49140MiB |      0%      Default |
        |                                         |                        |                  N/A |
        +-----------------------------------------+------------------------+----------------------+
        """;

    public static TheoryData<string, string> FixturesAndDisguises()
    {
        TheoryData<string, string> data = [];
        foreach (string file in HardwareReportFixtures.TextFiles())
        {
            foreach (string disguise in (string[])["html", "html-pipes-as-entities", "quote-prefix", "pod-prefix", "timestamp-prefix", "crlf", "tabs", "squeezed", "fenced"])
            {
                data.Add(file, disguise);
            }

            if (file.StartsWith("nvidia-smi/", StringComparison.Ordinal))
            {
                data.Add(file, "one-line");
                data.Add(file, "one-line-squeezed");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixturesAndDisguises))]
    public void Disguised_fixture_reads_like_the_original(string file, string disguise)
    {
        string original = HardwareReportFixtures.ReadText(file);
        HardwareReport expected = HardwareReportParser.Parse(original);

        HardwareReport actual = HardwareReportParser.Parse(Disguise(original, disguise));

        ReportInvariants.AssertHold(actual);
        Assert.Equal(expected.Gpus, actual.Gpus);
        Assert.Equal(expected.GpuCount, actual.GpuCount);
        Assert.Equal(expected.DriverVersion, actual.DriverVersion);
        Assert.Equal(expected.CudaVersion, actual.CudaVersion);
        Assert.Equal(expected.Cpu, actual.Cpu);
        Assert.Equal(expected.MemTotalKiB, actual.MemTotalKiB);
    }

    [Fact]
    public void Mig_instances_in_the_table_are_not_gpus()
    {
        HardwareReport report = HardwareReportParser.Parse(MigTable);

        ReportedGpu gpu = Assert.Single(report.Gpus);
        Assert.Equal(1, report.GpuCount);
        Assert.Equal(40536, gpu.MemoryMiB);

        // "NVIDIA A100-SXM..." with 40536 MiB can only be the 40 GB SXM4 part.
        Assert.Equal("NVIDIA A100-SXM4-40GB", gpu.Name);
        Assert.Equal("470.82.01", report.DriverVersion);
        Assert.Contains(report.Messages, m => m.Contains("MIG devices table", StringComparison.Ordinal));
    }

    [Fact]
    public void Mig_table_with_its_list_counts_physical_gpus_only()
    {
        string paste = MigTable + "\n$ nvidia-smi -L\nGPU 0: NVIDIA A100-SXM4-40GB (UUID: GPU-5a1b)\n  MIG 3g.20gb     Device  0: (UUID: MIG-0c1d)\n  MIG 2g.10gb     Device  1: (UUID: MIG-0c1e)\n  MIG 2g.10gb     Device  2: (UUID: MIG-0c1f)\n";

        HardwareReport report = HardwareReportParser.Parse(paste);

        Assert.Equal([new ReportedGpu("NVIDIA A100-SXM4-40GB", 40536)], report.Gpus);
        Assert.Contains(report.Messages, m => m.StartsWith("3 MIG devices", StringComparison.Ordinal));
    }

    [Fact]
    public void Heterogeneous_gpus_in_the_580_layout_keep_index_order()
    {
        HardwareReport report = HardwareReportParser.Parse(HeterogeneousTable580);

        Assert.Equal([new ReportedGpu("NVIDIA GeForce RTX 4090", 24564), new ReportedGpu("NVIDIA RTX A6000", 49140)], report.Gpus);
        Assert.Equal(2, report.GpuCount);
        Assert.Equal("580.82.07", report.DriverVersion);
        Assert.Equal("13.0", report.CudaVersion);
    }

    [Fact]
    public void Whole_name_from_the_list_replaces_a_cut_table_name()
    {
        // With 32 GB the memory alone fits two V100 variants; the -L line settles it.
        string table = HardwareReportFixtures.ReadText("nvidia-smi/v100-colab-pro-460.67-460.32.03.txt").Replace("16160MiB", "32510MiB", StringComparison.Ordinal);
        string withoutList = table;
        string withList = "GPU 0: Tesla V100-SXM2-32GB (UUID: GPU-1)\n" + table;

        Assert.Equal("Tesla V100-SXM2...", Assert.Single(HardwareReportParser.Parse(withoutList).Gpus).Name);
        Assert.Equal(new ReportedGpu("Tesla V100-SXM2-32GB", 32510), Assert.Single(HardwareReportParser.Parse(withList).Gpus));
    }

    [Fact]
    public void Cut_name_without_a_model_number_is_kept_as_printed()
    {
        string table = HardwareReportFixtures.ReadText("nvidia-smi/t4-515.65.01-root-prompt.txt").Replace("Tesla T4          ", "NVIDIA GeForce ...", StringComparison.Ordinal);

        HardwareReport report = HardwareReportParser.Parse(table);

        Assert.Equal("NVIDIA GeForce ...", Assert.Single(report.Gpus).Name);
        Assert.Contains(report.Messages, m => m.Contains("reported as printed", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("index, memory.total [MiB], name\n1, 15360 MiB, Tesla T4\n0, 16384 MiB, Tesla V100-SXM2-16GB\n")]
    [InlineData("memory.total [MiB], index, name\n15360, 1, Tesla T4\n16384, 0, Tesla V100-SXM2-16GB\n")]
    [InlineData("name, memory.total [MiB]\nTesla V100-SXM2-16GB, 16384\nTesla T4, 15360\n")]
    [InlineData("Tesla V100-SXM2-16GB, 16384 MiB\nTesla T4, 15360 MiB\n")]
    [InlineData("0, Tesla V100-SXM2-16GB, 16384, 22\n1, Tesla T4, 15360, 37\n")]
    [InlineData("  > name, memory.total [MiB]\n  > Tesla V100-SXM2-16GB, 16384 MiB\n  > Tesla T4, 15360 MiB\n")]
    public void Csv_in_any_column_order_with_or_without_header_and_units(string csv)
    {
        HardwareReport report = HardwareReportParser.Parse(csv);

        Assert.Equal([new ReportedGpu("Tesla V100-SXM2-16GB", 16384), new ReportedGpu("Tesla T4", 15360)], report.Gpus);
        Assert.Equal(2, report.GpuCount);
    }

    [Fact]
    public void Csv_driver_version_and_not_available_values()
    {
        HardwareReport report = HardwareReportParser.Parse("driver_version, name, memory.total [MiB]\n535.104.05, [N/A], [N/A]\n");

        Assert.Equal("535.104.05", report.DriverVersion);
        Assert.Equal([new ReportedGpu(null, null)], report.Gpus);
    }

    [Fact]
    public void Prose_with_commas_is_not_csv()
    {
        HardwareReport report = HardwareReportParser.Parse("name, age\nBob, 42\nI have a Tesla, sadly not a GPU, 2019 model\n");

        Assert.Empty(report.Gpus);
        Assert.Null(report.GpuCount);
    }

    [Fact]
    public void Typical_colab_report_with_all_three_outputs()
    {
        string paste = string.Join(
            "\n",
            HardwareReportFixtures.ReadText("nvidia-smi/t4-colab-550.54.15-fenced-prompt.txt"),
            HardwareReportFixtures.ReadText("lscpu/colab-xeon-2.20-2cpu-md-export.txt"),
            "$ cat /proc/meminfo\nMemTotal:       13290452 kB\nMemFree:         9876543 kB\n");

        HardwareReport report = HardwareReportParser.Parse(paste);

        Assert.Equal([new ReportedGpu("Tesla T4", 15360)], report.Gpus);
        Assert.Equal("550.54.15", report.DriverVersion);
        Assert.Equal("12.4", report.CudaVersion);
        Assert.Equal(new ReportedCpu("Intel(R) Xeon(R) CPU @ 2.20GHz", 2, 2, 1), report.Cpu);
        Assert.Equal(13290452, report.MemTotalKiB);
        Assert.DoesNotContain(report.Messages, m => m.StartsWith("Not found", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("MemTotal: 13290452 kB")]
    [InlineData("MemTotal:\t13290452 kB\nMemFree:\t1 kB")]
    [InlineData("   MemTotal:       13290452 kB   ")]
    [InlineData("MemFree: 9 kB MemTotal: 13290452 kB")]
    public void Meminfo_whitespace_variants(string text)
    {
        Assert.Equal(13290452, HardwareReportParser.Parse(text).MemTotalKiB);
    }

    [Fact]
    public void Longer_lscpu_keys_ending_like_wanted_ones_are_not_taken()
    {
        HardwareReport report = HardwareReportParser.Parse(
            "BIOS Model name:     pc-q35-7.2  CPU @ 2.0GHz\nNUMA node0 CPU(s):   0-3\nCPU(s):              4\nModel name:          AMD EPYC 7B12\nThread(s) per core:  2\nSocket(s):           1\n");

        Assert.Equal(new ReportedCpu("AMD EPYC 7B12", 4, 2, 1), report.Cpu);
    }

    [Fact]
    public void Query_output_labels_are_read_too()
    {
        HardwareReport report = HardwareReportParser.Parse("==============NVSMI LOG==============\nDriver Version                            : 535.104.05\nCUDA Version                              : 12.2\n");

        Assert.Equal("535.104.05", report.DriverVersion);
        Assert.Equal("12.2", report.CudaVersion);
    }

    [Fact]
    public void Cuda_version_from_the_table_header_beats_one_printed_by_another_tool()
    {
        string paste = "PyTorch CUDA Version: 12.1\n" + HardwareReportFixtures.ReadText("nvidia-smi/t4-colab-550.54.15-fenced-prompt.txt");

        Assert.Equal("12.4", HardwareReportParser.Parse(paste).CudaVersion);
    }

    [Theory]
    [InlineData("No devices were found", "found no NVIDIA GPU")]
    [InlineData("'nvidia-smi' is not recognized as an internal or external command,\noperable program or batch file.", "nvidia-smi is not installed")]
    [InlineData("Failed to initialize NVML: Unknown Error", "could not initialise NVML")]
    public void Other_error_outputs_are_explained(string output, string wording)
    {
        HardwareReport report = HardwareReportParser.Parse(output);

        Assert.Equal(0, report.GpuCount);
        Assert.Empty(report.Gpus);
        Assert.Contains(report.Messages, m => m.Contains(wording, StringComparison.Ordinal));
    }

    [Fact]
    public void An_error_next_to_a_working_run_keeps_the_gpus_and_the_explanation()
    {
        string paste = "$ nvidia-smi\nFailed to initialize NVML: Driver/library version mismatch\n$ sudo reboot\n"
            + HardwareReportFixtures.ReadText("nvidia-smi/t4-515.65.01-root-prompt.txt");

        HardwareReport report = HardwareReportParser.Parse(paste);

        Assert.Equal(1, report.GpuCount);
        Assert.Contains(report.Messages, m => m.Contains("version mismatch", StringComparison.Ordinal));
    }

    [Fact]
    public void Header_without_gpu_rows_says_so()
    {
        HardwareReport report = HardwareReportParser.Parse("| NVIDIA-SMI 550.54.15              Driver Version: 550.54.15      CUDA Version: 12.4     |\n");

        Assert.Null(report.GpuCount);
        Assert.Equal("550.54.15", report.DriverVersion);
        Assert.Contains(report.Messages, m => m.Contains("no GPU row could be read", StringComparison.Ordinal));
    }

    [Fact]
    public void Report_serialises_to_the_published_json_shape()
    {
        HardwareReport report = HardwareReportParser.Parse(string.Join(
            "\n",
            HardwareReportFixtures.ReadText("nvidia-smi/t4-colab-550.54.15-fenced-prompt.txt"),
            HardwareReportFixtures.ReadText("lscpu/colab-xeon-2.20-2cpu-md-export.txt"),
            "MemTotal:       13290452 kB"));

        using JsonDocument json = JsonDocument.Parse(JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        JsonElement root = json.RootElement;

        Assert.Equal(["gpus", "gpuCount", "driverVersion", "cudaVersion", "cpu", "memTotalKiB", "messages", "tooLarge"], root.EnumerateObject().Select(p => p.Name));
        JsonElement gpu = Assert.Single(root.GetProperty("gpus").EnumerateArray());
        Assert.Equal(["name", "memoryMiB"], gpu.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Tesla T4", gpu.GetProperty("name").GetString());
        Assert.Equal(15360, gpu.GetProperty("memoryMiB").GetInt32());
        Assert.Equal(1, root.GetProperty("gpuCount").GetInt32());
        Assert.Equal("550.54.15", root.GetProperty("driverVersion").GetString());
        Assert.Equal("12.4", root.GetProperty("cudaVersion").GetString());
        Assert.Equal(["model", "logicalCpus", "threadsPerCore", "sockets"], root.GetProperty("cpu").EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, root.GetProperty("cpu").GetProperty("logicalCpus").GetInt32());
        Assert.Equal(13290452, root.GetProperty("memTotalKiB").GetInt64());
        Assert.NotEmpty(root.GetProperty("messages").EnumerateArray());
    }

    [Fact]
    public void Report_lists_cannot_be_modified_by_callers()
    {
        HardwareReport report = HardwareReportParser.Parse(HardwareReportFixtures.ReadText("nvidia-smi-L/t4x4-bare-list.txt"));

        Assert.True(((ICollection<ReportedGpu>)report.Gpus).IsReadOnly);
        Assert.True(((ICollection<string>)report.Messages).IsReadOnly);
    }

    private static string Disguise(string text, string disguise)
    {
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return disguise switch
        {
            "html" => "<div class=\"post\"><pre><code class=\"language-text\">" + HtmlEncode(text) + "</code></pre></div>",
            "html-pipes-as-entities" => "<pre>" + HtmlEncode(text).Replace("|", "&#124;", StringComparison.Ordinal) + "</pre>",
            "quote-prefix" => string.Join("\n", lines.Select(l => "> " + l)),
            "pod-prefix" => string.Join("\n", lines.Select(l => "[gpu-node-1] " + l)),
            "timestamp-prefix" => string.Join("\n", lines.Select(l => "2024-05-01T10:00:00.123Z " + l)),
            "crlf" => string.Join("\r\n", lines),
            "tabs" => string.Join("\n", lines.Select(l => "\t\t" + l)),
            "squeezed" => string.Join("\n", lines.Select(Squeeze)),
            "fenced" => "Here is my output:\n\n```text\n" + text + "\n```\n\nThanks!",
            "one-line" => string.Join(" ", lines),
            "one-line-squeezed" => Squeeze(string.Join(" ", lines)),
            _ => throw new ArgumentOutOfRangeException(nameof(disguise), disguise, null),
        };
    }

    private static string HtmlEncode(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    private static string Squeeze(string line)
    {
        StringBuilder sb = new(line.Length);
        foreach (char c in line)
        {
            if (c != ' ' || sb.Length == 0 || sb[^1] != ' ')
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
