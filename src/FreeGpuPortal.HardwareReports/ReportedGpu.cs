namespace FreeGpuPortal.HardwareReports;

/// <summary>One physical GPU.</summary>
/// <param name="Name">
/// The name as nvidia-smi printed it. Names the narrow table column cut off ("Tesla P100-PCIE...") are completed only
/// when another output in the same paste, or the memory size, leaves exactly one possible full name.
/// </param>
/// <param name="MemoryMiB">Total memory of this GPU in MiB, when the paste contained it.</param>
public sealed record ReportedGpu(string? Name, int? MemoryMiB);
