namespace FreeGpuPortal.HardwareReports;

/// <summary>One data row of <c>nvidia-smi --query-gpu=... --format=csv</c>.</summary>
internal sealed record CsvGpu(int Index, string? Name, int? MemoryMiB, string? DriverVersion);
