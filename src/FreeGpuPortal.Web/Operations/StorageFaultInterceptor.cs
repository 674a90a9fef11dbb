using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FreeGpuPortal.Web.Operations;

/// <summary>Tells <see cref="StorageHealth"/> and the portal's metrics how each save of any context ended.</summary>
public sealed class StorageFaultInterceptor(StorageHealth health, PortalMetrics metrics, ILogger<StorageFaultInterceptor> logger)
    : SaveChangesInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        health.WriteSucceeded();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        health.WriteSucceeded();
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Record(eventData);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Record(eventData);
        return Task.CompletedTask;
    }

    private void Record(DbContextErrorEventData eventData)
    {
        var exception = eventData.Exception;
        if (StorageProblems.Classify(exception) is { } classified)
        {
            var problem = StorageProbe.Refine(classified, eventData.Context?.Database.GetDbConnection().DataSource);
            health.WriteFailed(problem);
            metrics.StorageFault(problem);
            logger.LogError(exception, "A database write failed: storage {StorageProblem}; nothing of it was saved", problem);
        }
    }
}
