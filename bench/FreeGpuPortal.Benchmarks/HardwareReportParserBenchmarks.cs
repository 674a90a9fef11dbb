using System.Text;

using BenchmarkDotNet.Attributes;

using FreeGpuPortal.HardwareReports;

namespace FreeGpuPortal.Benchmarks;

/// <summary>
/// Cost of reading a pasted hardware report: a typical paste (Colab T4 nvidia-smi, lscpu and /proc/meminfo; goal under
/// 0.2 ms) and the largest accepted paste, 256 KB (goal under 20 ms), once as a report buried in a long log and once
/// as the worst repetitive input the hostile-input tests use.
/// </summary>
[MemoryDiagnoser]
public class HardwareReportParserBenchmarks
{
    private const string TypicalColabT4Report = """
        !nvidia-smi
        Wed Jan 21 16:49:12 2026
        +-----------------------------------------------------------------------------------------+
        | NVIDIA-SMI 550.54.15              Driver Version: 550.54.15      CUDA Version: 12.4     |
        |-----------------------------------------+------------------------+----------------------+
        | GPU  Name                 Persistence-M | Bus-Id          Disp.A | Volatile Uncorr. ECC |
        | Fan  Temp   Perf          Pwr:Usage/Cap |           Memory-Usage | GPU-Util  Compute M. |
        |                                         |                        |               MIG M. |
        |=========================================+========================+======================|
        |   0  Tesla T4                       Off |   00000000:00:04.0 Off |                    0 |
        | N/A   40C    P8              9W /   70W |       0MiB /  15360MiB |      0%      Default |
        |                                         |                        |                  N/A |
        +-----------------------------------------+------------------------+----------------------+

        +-----------------------------------------------------------------------------------------+
        | Processes:                                                                              |
        |  GPU   GI   CI        PID   Type   Process name                              GPU Memory |
        |        ID   ID                                                               Usage      |
        |=========================================================================================|
        |  No running processes found                                                             |
        +-----------------------------------------------------------------------------------------+
        !lscpu
        Architecture:             x86_64
          CPU op-mode(s):         32-bit, 64-bit
          Address sizes:          46 bits physical, 48 bits virtual
          Byte Order:             Little Endian
        CPU(s):                   2
          On-line CPU(s) list:    0,1
        Vendor ID:                GenuineIntel
          Model name:             Intel(R) Xeon(R) CPU @ 2.20GHz
            CPU family:           6
            Model:                79
            Thread(s) per core:   2
            Core(s) per socket:   1
            Socket(s):            1
            Stepping:             0
            BogoMIPS:             4399.99
            Flags:                fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ss ht syscall nx pdpe1gb rdtscp lm constant_tsc rep_good nopl xtopology nonstop_tsc cpuid tsc_known_freq pni pclmulqdq ssse3 fma cx16 pcid sse4_1 sse4_2 x2apic movbe popcnt aes xsave avx f16c rdrand hypervisor lahf_lm abm 3dnowprefetch invpcid_single ssbd ibrs ibpb stibp fsgsbase tsc_adjust bmi1 hle avx2 smep bmi2 erms invpcid rtm rdseed adx smap xsaveopt arat md_clear arch_capabilities
        Virtualization features:
          Hypervisor vendor:      KVM
          Virtualization type:    full
        Caches (sum of all):
          L1d:                    32 KiB (1 instance)
          L1i:                    32 KiB (1 instance)
          L2:                     256 KiB (1 instance)
          L3:                     55 MiB (1 instance)
        NUMA:
          NUMA node(s):           1
          NUMA node0 CPU(s):      0,1
        !cat /proc/meminfo
        MemTotal:       13290452 kB
        MemFree:         9243288 kB
        MemAvailable:   12266404 kB
        Buffers:          339824 kB
        Cached:          2839424 kB
        SwapCached:            0 kB
        Active:           760916 kB
        Inactive:        2940460 kB
        SwapTotal:             0 kB
        SwapFree:              0 kB
        Dirty:               276 kB
        AnonPages:        522616 kB
        Mapped:           477560 kB
        Shmem:              1300 kB
        HugePages_Total:       0
        Hugepagesize:       2048 kB
        DirectMap4k:      163636 kB
        DirectMap2M:     7176192 kB
        DirectMap1G:     8388608 kB
        """;

    private string _typical = string.Empty;
    private string _reportInLongLog = string.Empty;
    private string _repetitive = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _typical = TypicalColabT4Report;

        // A realistic worst case: the report pasted in the middle of a long training log, filling the whole limit.
        StringBuilder log = new();
        int epoch = 0;
        while (log.Length < (HardwareReportParser.MaxInputBytes / 2) - 200)
        {
            log.Append("epoch: ").Append(epoch++).AppendLine(", tr_loss: 0.5126, tr_acc: 0.4119, val_loss: 0.5179, val_acc: 0.4162 | lr 3.0e-4 | 1.84 it/s");
        }

        string half = log.ToString();
        _reportInLongLog = Fit(half + TypicalColabT4Report + "\n" + half);

        // The most expensive hostile input found in testing: GPU-row look-alikes that send the table scanner looking ahead.
        _repetitive = Fit(string.Concat(Enumerable.Repeat("|   0  Tesla T4   Off  | ", (HardwareReportParser.MaxInputBytes / 24) + 1)));
    }

    [Benchmark(Baseline = true, Description = "Typical report (Colab T4 nvidia-smi + lscpu + meminfo)")]
    public HardwareReport Typical() => HardwareReportParser.Parse(_typical);

    [Benchmark(Description = "256 KB paste: report inside a long log")]
    public HardwareReport ReportInLongLog() => HardwareReportParser.Parse(_reportInLongLog);

    [Benchmark(Description = "256 KB paste: repeated GPU-row look-alikes")]
    public HardwareReport Repetitive() => HardwareReportParser.Parse(_repetitive);

    /// <summary>Cuts ASCII text to exactly the accepted maximum.</summary>
    private static string Fit(string text) =>
        text.Length > HardwareReportParser.MaxInputBytes ? text[..HardwareReportParser.MaxInputBytes] : text;
}
