namespace FreeGpuPortal.HardwareReports;

/// <summary>A "GPU n: name (UUID: ...)" line of <c>nvidia-smi -L</c>.</summary>
internal sealed record ListedGpu(int Index, string Name);
