using FreeGpuPortal.Web.Catalog.Editing;

namespace FreeGpuPortal.Web.HardwareReports;

// Moderating reports: the listed item, the outcome, and what applying a report to the catalog would change.

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

/// <summary>One report as the moderation page lists it, with its platform and its parsed GPUs and messages.</summary>
public sealed record ModerationItem(SubmittedReport Report, string PlatformSlug, string PlatformName, ParsedReport Parsed);

/// <summary>What "apply to catalog" would change for a report; empty when the catalog agrees with it already.</summary>
public sealed record CatalogProposal(int ReportId, string PlatformSlug, IReadOnlyList<ProposedChange> Changes);

/// <summary>
/// One change of the platform's specs a report supports, for the admin to pick: <see cref="Key"/> names it
/// (<c>RamGb</c>, <c>CpuCount</c>, <c>CpuModel</c> or <c>Gpu:{model slug}</c>), the values are display text
/// (<see cref="Current"/> null when the catalog does not state it).
/// </summary>
public sealed record ProposedChange(string Key, string Field, string? Current, string Proposed);
