namespace FreeGpuPortal.Web.Catalog.Transfer;

/// <summary>The reference lists every platform shares: features and GPU models.</summary>
public enum ReferenceTable
{
    Feature,
    GpuModel,
}
