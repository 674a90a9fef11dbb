namespace FreeGpuPortal.Web.Auditing;

/// <summary>The global view's filter: platform slug and actor (user id or e-mail), both optional; pages count from 1.</summary>
public sealed record HistoryFilter(string? PlatformSlug = null, string? Actor = null, int Page = 1, int PageSize = 50);
