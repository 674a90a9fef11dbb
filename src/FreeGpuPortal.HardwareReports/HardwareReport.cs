namespace FreeGpuPortal.HardwareReports;

// The parser's public result: the report, its GPUs and its CPU.

/// <summary>
/// What could be read from a pasted hardware report. Every value is null when the paste did not contain it.
/// Property names are chosen so that camelCase JSON serialisation gives the shape the web API publishes.
/// </summary>
/// <param name="Gpus">One entry per physical GPU, in nvidia-smi index order. MIG instances are never listed here.</param>
/// <param name="GpuCount">
/// Number of physical GPUs: equal to <c>Gpus.Count</c> when GPUs were found, 0 when nvidia-smi reported that it could
/// not see any GPU (error output), null when the paste said nothing about GPUs.
/// </param>
/// <param name="DriverVersion">The <c>Driver Version</c> field (not the version of the nvidia-smi binary).</param>
/// <param name="CudaVersion">The highest CUDA version the driver supports, as printed in the nvidia-smi header.</param>
/// <param name="Cpu">Values read from lscpu, or null when no lscpu output was found.</param>
/// <param name="MemTotalKiB">MemTotal from /proc/meminfo, in KiB (the kernel prints it as "kB").</param>
/// <param name="Messages">Human-readable notes: what was recognised, what was not, and what error outputs mean.</param>
/// <param name="TooLarge">True when the paste was refused because it exceeded <see cref="HardwareReportParser.MaxInputBytes"/>.</param>
public sealed record HardwareReport(
    IReadOnlyList<ReportedGpu> Gpus,
    int? GpuCount,
    string? DriverVersion,
    string? CudaVersion,
    ReportedCpu? Cpu,
    long? MemTotalKiB,
    IReadOnlyList<string> Messages,
    bool TooLarge);

/// <summary>One physical GPU.</summary>
/// <param name="Name">
/// The name as nvidia-smi printed it. Names the narrow table column cut off ("Tesla P100-PCIE...") are completed only
/// when another output in the same paste, or the memory size, leaves exactly one possible full name.
/// </param>
/// <param name="MemoryMiB">Total memory of this GPU in MiB, when the paste contained it.</param>
public sealed record ReportedGpu(string? Name, int? MemoryMiB);

/// <summary>Values read from lscpu.</summary>
/// <param name="Model">The "Model name" line.</param>
/// <param name="LogicalCpus">The "CPU(s)" line: logical CPUs (hardware threads) visible to the system.</param>
/// <param name="ThreadsPerCore">The "Thread(s) per core" line.</param>
/// <param name="Sockets">The "Socket(s)" line.</param>
public sealed record ReportedCpu(string? Model, int? LogicalCpus, int? ThreadsPerCore, int? Sockets);
