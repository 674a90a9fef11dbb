namespace FreeGpuPortal.Web.HardwareReports;

/// <summary>How many approved reports saw one value: in the last <see cref="ReportStatistics.RecentDays"/> days and ever.</summary>
/// <param name="Name">A GPU's name or a CPU's model; null for "no GPU visible" (an nvidia-smi error output).</param>
/// <param name="Amount">The GPU's memory in MiB, the CPU count, or RAM in tenths of a GB; null when not reported.</param>
public sealed record ReportTally(string? Name, long? Amount, int Recent, int AllTime);
