namespace FreeGpuPortal.Web.LinkChecking;

/// <summary>Settings under "LinkCheck".</summary>
public sealed class LinkCheckOptions
{
    public const string Section = "LinkCheck";

    /// <summary>When the checker runs; see <see cref="LinkCheckSchedule"/>. Off in Development unless set.</summary>
    public string? Schedule { get; set; }

    /// <summary>How long one link may take, redirects included.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>Links checked at the same time: few, to be polite to the sites the catalog cites.</summary>
    public int MaxConcurrency { get; set; } = 2;

    public int MaxRedirects { get; set; } = 5;

    public string UserAgent { get; set; } = "FreeGpuPortal-LinkCheck/1.0 (checks the sources the FreeGpuPortal catalog cites; at most 2 requests at a time)";
}
