namespace FreeGpuPortal.Web.LinkChecking;

/// <summary>One link as the admin list shows it: its last check, and the platforms that cite it (empty when only history or the GPU list does).</summary>
public sealed record LinkReportItem(
    string Url, LinkOutcome Outcome, int? StatusCode, string? FinalUrl, bool PermanentRedirect, DateTime? CheckedAtUtc,
    int ConsecutiveFailures, DateTime? FailingSinceUtc, IReadOnlyList<CitingPlatform> CitedBy)
{
    public bool IsBroken => ConsecutiveFailures >= LinkStatus.FailuresToBreak;

    /// <summary>A redirect an admin can accept: it ends at a working URL, and a platform cites the old one.</summary>
    public bool CanAcceptRedirect => Outcome == LinkOutcome.Redirected && FinalUrl is not null && CitedBy.Count > 0;
}
