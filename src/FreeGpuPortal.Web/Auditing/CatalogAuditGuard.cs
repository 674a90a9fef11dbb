using FreeGpuPortal.Web.Catalog;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FreeGpuPortal.Web.Auditing;

/// <summary>
/// Refuses any save that adds, changes or deletes platform rows (the platform, its GPU options, features or sources)
/// without adding a <see cref="CatalogChange"/> for that platform in the same save, and any save that changes or
/// deletes history. So the catalog cannot be written around its history by accident: the editor and the seeder add
/// their entries, anything else fails loudly.
/// </summary>
public sealed class CatalogAuditGuard : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        // Interceptors run before SaveChanges detects changes; the guard must see what will be written.
        if (context.ChangeTracker.AutoDetectChangesEnabled)
        {
            context.ChangeTracker.DetectChanges();
        }

        var touchedPlatforms = new HashSet<int>();
        var recordedPlatforms = new HashSet<int>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Platform:
                    touchedPlatforms.Add(KeyOf(entry, nameof(Platform.Id)));
                    break;
                case PlatformGpu or PlatformFeature or PlatformSource:
                    touchedPlatforms.Add(KeyOf(entry, nameof(PlatformGpu.PlatformId)));
                    break;
                case CatalogChange when entry.State == EntityState.Added:
                    // A GPU model's own entry names no platform; the entries for the platforms offering it do.
                    if (entry.Property(nameof(CatalogChange.PlatformId)).CurrentValue is int platformId)
                    {
                        recordedPlatforms.Add(platformId);
                    }

                    break;
                case CatalogChange or CatalogFieldChange when entry.State != EntityState.Added:
                    throw new InvalidOperationException("The catalog history is append-only: its entries cannot be changed or deleted.");
                default:
                    break;
            }
        }

        touchedPlatforms.ExceptWith(recordedPlatforms);
        if (touchedPlatforms.Count > 0)
        {
            throw new InvalidOperationException(
                "A save changed catalog platform rows without recording a CatalogChange for them. "
                + "Add the entry HistoryWriter makes for each changed platform (CatalogEditor does), which records who changed what and why.");
        }
    }

    // Read through the entry, not the entity: a platform added in this save has a temporary key that only the
    // change tracker knows, and a deleted row's original value names the platform it belonged to.
    private static int KeyOf(EntityEntry entry, string property)
    {
        var value = entry.Property(property);
        return (int)(entry.State == EntityState.Deleted ? value.OriginalValue : value.CurrentValue)!;
    }
}
