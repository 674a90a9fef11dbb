namespace FreeGpuPortal.Web.Auditing;

/// <summary>An admin who has made changes, for the global view's actor filter.</summary>
public sealed record HistoryActor(string UserId, string DisplayName, int ChangeCount);
