using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FreeGpuPortal.Web.Catalog;

/// <summary>
/// Gives <see cref="CatalogVersion"/> a new stamp in every save that writes rows (in the same transaction), and signals
/// a catalog change in this process after it. Writes are rare admin actions, so treating any write as a catalog change
/// is cheaper to reason about than tracking which tables a save touched.
/// </summary>
public sealed class CatalogChangeInterceptor(CatalogChangeSignal signal) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        StampVersion(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        StampVersion(eventData.Context);
        return ValueTask.FromResult(result);
    }

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

    private static void StampVersion(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        if (context.ChangeTracker.AutoDetectChangesEnabled)
        {
            context.ChangeTracker.DetectChanges();
        }

        var writes = context.ChangeTracker.Entries().Any(entry =>
            entry.Entity is not CatalogVersion && entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);
        if (!writes)
        {
            return;
        }

        // Updated without reading it first: the row exists from the first migration on.
        var entry = context.ChangeTracker.Entries<CatalogVersion>().FirstOrDefault(e => e.Entity.Id == CatalogVersion.SingletonId)
            ?? context.Attach(new CatalogVersion { Id = CatalogVersion.SingletonId });
        entry.Entity.Stamp = Guid.NewGuid();
        entry.Property(v => v.Stamp).IsModified = true;
    }
}
