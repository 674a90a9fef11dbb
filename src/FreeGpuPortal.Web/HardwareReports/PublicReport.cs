namespace FreeGpuPortal.Web.HardwareReports;

/// <summary>One approved report as the public page lists it: parsed values and the visitor's note, nothing else.</summary>
public sealed record PublicReport(
    int Id, DateOnly SessionDate, IReadOnlyList<ParsedGpu> Gpus, int? GpuCount, string? DriverVersion, string? CudaVersion,
    string? CpuModel, int? LogicalCpus, double? RamGb, string? Note);
