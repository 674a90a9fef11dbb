namespace FreeGpuPortal.Web.Catalog;

/// <summary>Counts catalog writes, so cached views of the catalog can tell they are stale.</summary>
public sealed class CatalogChangeSignal
{
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Raised after the generation moved on; for caches that want to free stale entries early.</summary>
    public event Action? Changed;

    public void NotifyChanged()
    {
        Interlocked.Increment(ref _generation);
        Changed?.Invoke();
    }
}
