using Microsoft.EntityFrameworkCore.Diagnostics;

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

/// <summary>
/// Signals a catalog change after every save that wrote rows. Writes are rare admin actions, so treating any
/// write as a catalog change is cheaper to reason about than tracking which tables a save touched.
/// </summary>
public sealed class CatalogChangeInterceptor(CatalogChangeSignal signal) : SaveChangesInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (result > 0)
        {
            signal.NotifyChanged();
        }

        return result;
    }

    public override ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (result > 0)
        {
            signal.NotifyChanged();
        }

        return ValueTask.FromResult(result);
    }
}
