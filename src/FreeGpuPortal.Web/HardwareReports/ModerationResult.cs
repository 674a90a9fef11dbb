using FreeGpuPortal.Web.Catalog.Editing;

namespace FreeGpuPortal.Web.HardwareReports;

/// <summary>What became of moderating or applying a report.</summary>
public abstract record ModerationResult
{
    private ModerationResult()
    {
    }

    public sealed record Done(int ReportId) : ModerationResult;

    /// <summary>The report had that status already (a repeated click): nothing changed.</summary>
    public sealed record AlreadyDone(int ReportId) : ModerationResult;

    /// <summary>
    /// The report was no longer in the status the admin saw (another tab or admin moderated it meanwhile): nothing
    /// changed, and <see cref="Status"/> says what it is now.
    /// </summary>
    public sealed record ModeratedMeanwhile(int ReportId, ReportStatus Status) : ModerationResult;

    /// <summary>Applied through <see cref="CatalogEditor"/>: the history entry's id.</summary>
    public sealed record Applied(int ReportId, int ChangeId) : ModerationResult;

    public sealed record NotFound : ModerationResult;

    /// <summary>Only approved reports can be applied, and only once; nothing selected is nothing to do.</summary>
    public sealed record Refused(string MessageKey) : ModerationResult;

    /// <summary>The catalog editor refused the change (validation, a concurrent edit, nothing changed).</summary>
    public sealed record EditRefused(EditResult Result) : ModerationResult;
}
