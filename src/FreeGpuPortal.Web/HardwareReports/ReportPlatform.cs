namespace FreeGpuPortal.Web.HardwareReports;

/// <summary>The platform a report is for, as the report page shows it.</summary>
public sealed record ReportPlatform(int Id, string Slug, string Name);
