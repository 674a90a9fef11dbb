using FreeGpuPortal.Web.Data;

namespace FreeGpuPortal.Web.Backups;

/// <summary>Holds <see cref="DataDirectoryLock"/> from start to stop of the web host (not during command-line commands).</summary>
public sealed class DataDirectoryLockService(DataDirectory data, ILogger<DataDirectoryLockService> logger) : IHostedService, IDisposable
{
    private DataDirectoryLock? _lock;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _lock = DataDirectoryLock.TryAcquire(data.Path);
        if (_lock is null)
        {
            // Two portals on one SQLite file work (SQLite locks), but a restore could not tell: say so.
            logger.LogWarning("Another portal process holds {LockFile} in {DataDirectory}", DataDirectoryLock.FileName, data.Path);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _lock?.Dispose();
}
