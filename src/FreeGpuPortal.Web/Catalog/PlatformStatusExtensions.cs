namespace FreeGpuPortal.Web.Catalog;

public static class PlatformStatusExtensions
{
    public static bool IsRetired(this PlatformStatus status) =>
        status is PlatformStatus.Discontinued or PlatformStatus.Renamed;
}
