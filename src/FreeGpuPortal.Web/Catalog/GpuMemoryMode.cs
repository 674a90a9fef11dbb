namespace FreeGpuPortal.Web.Catalog;

public enum GpuMemoryMode
{
    /// <summary>Every GPU the platform may assign has at least the asked memory.</summary>
    Guaranteed,
    /// <summary>At least one GPU the platform may assign has the asked memory.</summary>
    Possible,
}
