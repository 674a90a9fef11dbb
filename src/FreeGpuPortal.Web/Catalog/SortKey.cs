namespace FreeGpuPortal.Web.Catalog;

public enum SortKey
{
    Name,
    GpuMemoryGb,
    SessionHours,
    IdleMinutes,
    WeeklyGpuHours,
    CpuCores,
    RamGb,
    StorageGb,
    LastVerified,
}
