using FreeGpuPortal.HardwareReports;

namespace FreeGpuPortal.Web.HardwareReports;

// Checking and saving a report: the check, its errors and the save's outcome.

/// <summary>What became of a save. Exactly one of the nested cases.</summary>
public abstract record ReportSaveResult
{
    private ReportSaveResult()
    {
    }

    /// <summary>Stored as pending; it appears publicly once an admin approves it.</summary>
    public sealed record Saved(int ReportId) : ReportSaveResult;

    /// <summary>The honeypot was filled: the visitor sees the thank-you, nothing was stored.</summary>
    public sealed record Discarded : ReportSaveResult;

    /// <summary>Not stored: the check's errors (and parsed result, when there is one) say why.</summary>
    public sealed record Refused(ReportCheck Check) : ReportSaveResult;
}

/// <summary>The outcome of the check step: the errors of the form, and the parsed result when the text could be read.</summary>
public sealed record ReportCheck(IReadOnlyList<ReportError> Errors, HardwareReport? Parsed, string Fingerprint)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>A refused form value: the form field, the resource key of the message and its arguments.</summary>
public sealed record ReportError(string Field, string MessageKey, params object[] Arguments);
