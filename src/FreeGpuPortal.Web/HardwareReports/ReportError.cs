namespace FreeGpuPortal.Web.HardwareReports;

/// <summary>A refused form value: the form field, the resource key of the message and its arguments.</summary>
public sealed record ReportError(string Field, string MessageKey, params object[] Arguments);
