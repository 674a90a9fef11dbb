namespace FreeGpuPortal.Web.HardwareReports;

public sealed record ParsedGpu(string? Name, int? MemoryMiB);
