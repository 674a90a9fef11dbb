namespace FreeGpuPortal.Web.LinkChecking;

/// <summary>What the last check of a link found.</summary>
public enum LinkOutcome
{
    /// <summary>Never checked yet.</summary>
    Unchecked,

    /// <summary>Answered 2xx at the URL itself.</summary>
    Ok,

    /// <summary>Answered 2xx after following redirects to another URL (see <see cref="LinkStatus.FinalUrl"/>).</summary>
    Redirected,

    /// <summary>4xx or 5xx, at the URL or at the end of its redirects.</summary>
    HttpError,

    /// <summary>No answer within the timeout.</summary>
    Timeout,

    /// <summary>More than the allowed redirects, or a redirect without a usable target.</summary>
    TooManyRedirects,

    /// <summary>The host could not be reached (name not found, connection refused, TLS failure).</summary>
    Unreachable,
}
