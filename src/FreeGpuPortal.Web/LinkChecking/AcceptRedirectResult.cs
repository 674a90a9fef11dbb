namespace FreeGpuPortal.Web.LinkChecking;

/// <summary>What became of accepting a redirect.</summary>
public abstract record AcceptRedirectResult
{
    private AcceptRedirectResult()
    {
    }

    /// <summary>Saved: one audited change per platform that cited the old URL.</summary>
    public sealed record Accepted(string OldUrl, string NewUrl, IReadOnlyList<int> ChangeIds) : AcceptRedirectResult;

    /// <summary>Not done; <see cref="MessageKey"/> names the reason for the localizer.</summary>
    public sealed record Refused(string MessageKey) : AcceptRedirectResult;
}
