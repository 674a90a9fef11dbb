using FreeGpuPortal.HardwareReports;

namespace FreeGpuPortal.Web.HardwareReports;

/// <summary>The values of a report as pages show them, from a fresh parse or from a stored report.</summary>
public sealed record ReportValues(
    IReadOnlyList<ParsedGpu> Gpus, int? GpuCount, string? DriverVersion, string? CudaVersion, string? CpuModel, int? LogicalCpus,
    int? ThreadsPerCore, int? Sockets, long? MemTotalKiB, IReadOnlyList<string> Messages)
{
    public static ReportValues From(HardwareReport report) => new(
        [.. report.Gpus.Select(g => new ParsedGpu(g.Name, g.MemoryMiB))], report.GpuCount, report.DriverVersion, report.CudaVersion,
        report.Cpu?.Model, report.Cpu?.LogicalCpus, report.Cpu?.ThreadsPerCore, report.Cpu?.Sockets, report.MemTotalKiB, [.. report.Messages]);

    public static ReportValues From(SubmittedReport report)
    {
        var parsed = ParsedReport.FromJson(report.ParsedJson);
        var gpus = parsed.Gpus.Count > 0 ? parsed.Gpus : report.GpuName is null ? [] : [new ParsedGpu(report.GpuName, report.GpuMemoryMiB)];
        return new(
            gpus, report.GpuCount, report.DriverVersion, report.CudaVersion, report.CpuModel, report.LogicalCpus, report.ThreadsPerCore,
            report.Sockets, report.MemTotalKiB, parsed.Messages);
    }
}
