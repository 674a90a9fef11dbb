namespace FreeGpuPortal.Web.Catalog;

public enum PlatformStatus
{
    Active,
    /// <summary>Still running, but the free tier was reduced.</summary>
    Changed,
    Discontinued,
    Renamed,
}
