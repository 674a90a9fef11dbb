namespace FreeGpuPortal.HardwareReports;

/// <summary>A GPU row of an nvidia-smi table.</summary>
internal sealed record TableGpu(int Index, string Name, int? MemoryMiB);
