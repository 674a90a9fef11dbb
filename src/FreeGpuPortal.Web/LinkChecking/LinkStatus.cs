namespace FreeGpuPortal.Web.LinkChecking;

/// <summary>
/// The last known state of one distinct URL the catalog cites (a source or an evidence link): what the last check
/// found, and how many checks in a row have failed. Not part of the catalog's audited rows: it records what the
/// checker saw, and changes with every run.
/// </summary>
public sealed class LinkStatus
{
    /// <summary>Failing this many checks in a row makes a link "broken" for admins and visitors.</summary>
    public const int FailuresToBreak = 2;

    public int Id { get; set; }

    public required string Url { get; set; }

    public LinkOutcome Outcome { get; set; }

    /// <summary>The HTTP status of the final answer; null when there was none (timeout, unreachable).</summary>
    public int? StatusCode { get; set; }

    /// <summary>Where the redirects ended; null when there were none.</summary>
    public string? FinalUrl { get; set; }

    /// <summary>Every redirect on the way was permanent (301 or 308), so the source has moved for good.</summary>
    public bool PermanentRedirect { get; set; }

    public DateTime? CheckedAtUtc { get; set; }

    /// <summary>Failed checks in a row; 0 after a check that succeeded.</summary>
    public int ConsecutiveFailures { get; set; }

    /// <summary>When the current run of failures began (the first failed check of it); null while the link works.</summary>
    public DateTime? FailingSinceUtc { get; set; }

    public bool IsBroken => ConsecutiveFailures >= FailuresToBreak;

    public static bool IsFailure(LinkOutcome outcome) =>
        outcome is LinkOutcome.HttpError or LinkOutcome.Timeout or LinkOutcome.TooManyRedirects or LinkOutcome.Unreachable;
}
