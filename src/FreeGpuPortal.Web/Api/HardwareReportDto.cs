using System.ComponentModel;

using FreeGpuPortal.HardwareReports;

namespace FreeGpuPortal.Web.Api;

// The hardware-report API's JSON shapes: what was read from a paste, its GPUs and its CPU.

[Description("What could be read from the pasted text; every value is null when the paste did not contain it.")]
public sealed record HardwareReportDto(
    [property: Description("One entry per physical GPU, in nvidia-smi index order; MIG instances are not GPUs.")] IReadOnlyList<ReportedGpuDto> Gpus,
    [property: Description("Number of physical GPUs; 0 when nvidia-smi reported it sees none; null when the paste says nothing about GPUs.")] int? GpuCount,
    [property: Description("The nvidia-smi Driver Version.")] string? DriverVersion,
    [property: Description("The highest CUDA version the driver supports, from the nvidia-smi header.")] string? CudaVersion,
    [property: Description("Values from lscpu; null when no lscpu output was found.")] ReportedCpuDto? Cpu,
    [property: Description("MemTotal from /proc/meminfo in KiB.")] long? MemTotalKiB,
    [property: Description("Plain sentences: what was found, what was not, what an error output means.")] IReadOnlyList<string> Messages)
{
    public static HardwareReportDto From(HardwareReport report) => new(
        [.. report.Gpus.Select(g => new ReportedGpuDto(g.Name, g.MemoryMiB))],
        report.GpuCount,
        report.DriverVersion,
        report.CudaVersion,
        report.Cpu is { } cpu ? new ReportedCpuDto(cpu.Model, cpu.LogicalCpus, cpu.ThreadsPerCore, cpu.Sockets) : null,
        report.MemTotalKiB,
        [.. report.Messages]);
}

[Description("One physical GPU.")]
public sealed record ReportedGpuDto(
    [property: Description("The name as nvidia-smi printed it; null when not in the paste.")] string? Name,
    [property: Description("Total memory of this GPU in MiB; null when not in the paste.")] int? MemoryMiB);

[Description("Values read from lscpu.")]
public sealed record ReportedCpuDto(
    [property: Description("The \"Model name\" line.")] string? Model,
    [property: Description("The \"CPU(s)\" line: logical CPUs.")] int? LogicalCpus,
    [property: Description("The \"Thread(s) per core\" line.")] int? ThreadsPerCore,
    [property: Description("The \"Socket(s)\" line.")] int? Sockets);
