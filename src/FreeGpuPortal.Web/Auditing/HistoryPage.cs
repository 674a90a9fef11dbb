namespace FreeGpuPortal.Web.Auditing;

public sealed record HistoryPage(IReadOnlyList<HistoryEntry> Entries, int Page, int PageSize, int TotalCount)
{
    public int PageCount => TotalCount == 0 ? 0 : ((TotalCount - 1) / PageSize) + 1;
}
