namespace FreeGpuPortal.Web.LinkChecking;

/// <summary>What one check of one URL found.</summary>
public sealed record ProbeResult(LinkOutcome Outcome, int? StatusCode, string? FinalUrl, bool PermanentRedirect);
