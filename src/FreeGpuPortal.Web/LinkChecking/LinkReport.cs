namespace FreeGpuPortal.Web.LinkChecking;

/// <summary>The admin list: broken links, and links that redirect elsewhere; plus when links were last checked.</summary>
public sealed record LinkReport(IReadOnlyList<LinkReportItem> Broken, IReadOnlyList<LinkReportItem> Redirected, int CheckedCount, DateTime? LastCheckedAtUtc);
