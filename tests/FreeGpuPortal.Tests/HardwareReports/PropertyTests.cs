using CsCheck;

using FreeGpuPortal.HardwareReports;

namespace FreeGpuPortal.Tests.HardwareReports;

/// <summary>
/// Random and mutated input: the parser must never throw and every report must satisfy the invariants, and the
/// outputs of different commands pasted together must read exactly as they read alone.
/// </summary>
public sealed class PropertyTests
{
    private static readonly Lazy<string[]> s_fixtures = new(() =>
        [.. HardwareReportFixtures.TextFiles().Select(HardwareReportFixtures.ReadText)]);

    // Fragments of every format the parser knows, so random sequences of them reach deep into each scanner.
    private static readonly string[] s_tokens =
    [
        "|", "| ", " |", "+----+", "|====|", "\n", "\r\n", " ", "   ", "0", "1", "7", "15360", "MiB", "MB", " / ", "/",
        "Tesla T4", "NVIDIA A100-SXM...", "Tesla P100-PCIE...", "GeForce GTX 106...", "Off", "On", "WDDM", "N/A",
        "00000000:00:04.0", "0000:04:00.0 Off", "GPU ", "GPU 0: ", "GPU 1:", "(UUID: GPU-1234)", "(UUID: MIG-9)",
        "MIG 1g.5gb     Device  0: ", "Driver Version: ", "Driver Version", "CUDA Version: ", "NVIDIA-SMI ", "535.104.05",
        "12.2", "580.142", "MIG devices:", "name", ", ", ",", "memory.total [MiB]", "driver_version", "index",
        "name, memory.total [MiB], driver_version\n", "[N/A]", "Model name:", "CPU(s):", "Thread(s) per core:",
        "Socket(s):", "Core(s) per socket:", "NUMA node0 CPU(s):", "BIOS Model name:", "MemTotal:", "kB", "16268680",
        "<pre>", "<code>", "</code></pre>", "<br>", "&gt;", "&lt;", "&amp;", "&#124;", "&#x7C;", "&", "<", "> ", "```",
        "$ nvidia-smi", "nvidia-smi: command not found", "Failed to initialize NVML: ", "No devices were found",
        "\0", "\t", "\u00A0", "\u2502", "\u2026", "...", "\uFEFF", "\uD83D", "€",
    ];

    [Fact]
    public void Random_strings_never_break_the_parser()
    {
        Gen.String[0, 3000].Sample(text => ReportInvariants.AssertHold(HardwareReportParser.Parse(text)), iter: 3000);
    }

    [Fact]
    public void Random_strings_over_the_format_alphabet_never_break_the_parser()
    {
        Gen.Char["|+-= \n0123456789MiB/:.,GPUTeslaNVIDIAOf()kBx<>&;#[]"].Array[0, 4000]
            .Select(chars => new string(chars))
            .Sample(text => ReportInvariants.AssertHold(HardwareReportParser.Parse(text)), iter: 3000);
    }

    [Fact]
    public void Random_sequences_of_format_fragments_never_break_the_parser()
    {
        Gen.Int[0, s_tokens.Length - 1].Array[0, 600]
            .Select(picks => string.Concat(picks.Select(i => s_tokens[i])))
            .Sample(text => ReportInvariants.AssertHold(HardwareReportParser.Parse(text)), iter: 3000);
    }

    [Fact]
    public void Mutated_and_spliced_fixtures_never_break_the_parser()
    {
        string[] fixtures = s_fixtures.Value;
        Gen<string> mutated =
            from f in Gen.Int[0, fixtures.Length - 1]
            from g in Gen.Int[0, fixtures.Length - 1]
            from ops in Gen.Select(Gen.Int[0, 5], Gen.Double.Unit, Gen.Double.Unit, Gen.Double.Unit).Array[1, 8]
            select Mutate(fixtures[f], fixtures[g], ops);

        mutated.Sample(text => ReportInvariants.AssertHold(HardwareReportParser.Parse(text)), iter: 3000);
    }

    [Fact]
    public void Outputs_pasted_together_in_any_order_read_as_they_read_alone()
    {
        string[] gpuParts = FixturesOfKind("nvidia-smi/", "nvidia-smi-L/", "nvidia-smi-csv/");
        string[] cpuParts = FixturesOfKind("lscpu/");
        string[] memParts = FixturesOfKind("meminfo/");
        Gen<(string Gpu, string Cpu, string Mem, int Order)> pastes = Gen.Select(
            Gen.Int[0, gpuParts.Length - 1].Select(i => gpuParts[i]),
            Gen.Int[0, cpuParts.Length - 1].Select(i => cpuParts[i]),
            Gen.Int[0, memParts.Length - 1].Select(i => memParts[i]),
            Gen.Int[0, 5]);

        pastes.Sample(
            p =>
            {
                string[] parts = p.Order switch
                {
                    0 => [p.Gpu, p.Cpu, p.Mem],
                    1 => [p.Gpu, p.Mem, p.Cpu],
                    2 => [p.Cpu, p.Gpu, p.Mem],
                    3 => [p.Cpu, p.Mem, p.Gpu],
                    4 => [p.Mem, p.Gpu, p.Cpu],
                    _ => [p.Mem, p.Cpu, p.Gpu],
                };
                HardwareReport together = HardwareReportParser.Parse(string.Join("\n", parts));
                HardwareReport gpu = HardwareReportParser.Parse(p.Gpu);
                HardwareReport cpu = HardwareReportParser.Parse(p.Cpu);
                HardwareReport mem = HardwareReportParser.Parse(p.Mem);

                ReportInvariants.AssertHold(together);
                Assert.Equal(gpu.Gpus, together.Gpus);
                Assert.Equal(gpu.GpuCount, together.GpuCount);
                Assert.Equal(gpu.DriverVersion, together.DriverVersion);
                Assert.Equal(gpu.CudaVersion, together.CudaVersion);
                Assert.Equal(cpu.Cpu, together.Cpu);
                Assert.Equal(mem.MemTotalKiB, together.MemTotalKiB);
            },
            iter: 500);
    }

    private static string[] FixturesOfKind(params string[] prefixes) =>
        [.. HardwareReportFixtures.TextFiles()
            .Where(f => prefixes.Any(p => f.StartsWith(p, StringComparison.Ordinal)))
            .Select(HardwareReportFixtures.ReadText)];

    /// <summary>Applies edits at random positions: delete, duplicate, splice in part of another fixture, truncate, overwrite, join lines.</summary>
    private static string Mutate(string text, string other, (int Op, double A, double B, double C)[] ops)
    {
        foreach ((int op, double a, double b, double c) in ops)
        {
            if (text.Length == 0)
            {
                text = other;
                continue;
            }

            int at = (int)(a * text.Length);
            int length = Math.Min(text.Length - at, (int)(b * 200));
            text = op switch
            {
                0 => text.Remove(at, length),
                1 => text.Insert(at, text.Substring(at, length)),
                2 => text.Insert(at, Slice(other, c, length + 1)),
                3 => text[..at],
                4 => text.Remove(at, Math.Min(1, text.Length - at)).Insert(at, ((char)(c * 0x3000)).ToString()),
                _ => text.Replace("\n", c < 0.5 ? " " : string.Empty, StringComparison.Ordinal),
            };
        }

        return text;
    }

    private static string Slice(string s, double start, int length)
    {
        int from = (int)(start * s.Length);
        return s.Substring(from, Math.Min(length, s.Length - from));
    }
}
