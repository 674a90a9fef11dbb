namespace FreeGpuPortal.Web.HardwareReports;

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
