namespace FreeGpuPortal.HardwareReports;

/// <summary>Values read from lscpu.</summary>
/// <param name="Model">The "Model name" line.</param>
/// <param name="LogicalCpus">The "CPU(s)" line: logical CPUs (hardware threads) visible to the system.</param>
/// <param name="ThreadsPerCore">The "Thread(s) per core" line.</param>
/// <param name="Sockets">The "Socket(s)" line.</param>
public sealed record ReportedCpu(string? Model, int? LogicalCpus, int? ThreadsPerCore, int? Sockets);
