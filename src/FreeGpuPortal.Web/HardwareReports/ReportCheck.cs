using FreeGpuPortal.HardwareReports;

namespace FreeGpuPortal.Web.HardwareReports;

/// <summary>The outcome of the check step: the errors of the form, and the parsed result when the text could be read.</summary>
public sealed record ReportCheck(IReadOnlyList<ReportError> Errors, HardwareReport? Parsed, string Fingerprint)
{
    public bool IsValid => Errors.Count == 0;
}
