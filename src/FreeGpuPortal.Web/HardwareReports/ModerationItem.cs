namespace FreeGpuPortal.Web.HardwareReports;

/// <summary>One report as the moderation page lists it, with its platform and its parsed GPUs and messages.</summary>
public sealed record ModerationItem(SubmittedReport Report, string PlatformSlug, string PlatformName, ParsedReport Parsed);
