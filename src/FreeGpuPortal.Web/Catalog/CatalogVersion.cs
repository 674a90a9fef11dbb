namespace FreeGpuPortal.Web.Catalog;

/// <summary>
/// The one row that says which state of the catalog database is current: every save that writes catalog rows gives it
/// a new <see cref="Stamp"/> in the same transaction (see <see cref="CatalogChangeInterceptor"/>). Instances sharing
/// one database read it to learn that another instance changed the catalog (see <see cref="CatalogVersionWatcher"/>).
/// </summary>
public sealed class CatalogVersion
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    /// <summary>A fresh value on every write: two writes never leave the same stamp, so no change goes unseen.</summary>
    public Guid Stamp { get; set; }
}
