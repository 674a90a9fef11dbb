namespace FreeGpuPortal.Web.Operations;

/// <summary>
/// The last storage fault a write met in this process, until a later write succeeds. A full disk only shows when
/// something is written, so the health check reports what the last write met, besides probing what it can.
/// </summary>
public sealed class StorageHealth(TimeProvider timeProvider)
{
    private StorageFailure? _lastFailure;

    public sealed record StorageFailure(StorageProblem Problem, DateTimeOffset At);

    public StorageFailure? LastFailure => Volatile.Read(ref _lastFailure);

    public void WriteFailed(StorageProblem problem) =>
        Volatile.Write(ref _lastFailure, new StorageFailure(problem, timeProvider.GetUtcNow()));

    public void WriteSucceeded() => Volatile.Write(ref _lastFailure, null);
}
