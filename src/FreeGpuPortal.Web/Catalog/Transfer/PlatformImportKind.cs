namespace FreeGpuPortal.Web.Catalog.Transfer;

public enum PlatformImportKind
{
    New,
    Changed,
    Unchanged,
}
