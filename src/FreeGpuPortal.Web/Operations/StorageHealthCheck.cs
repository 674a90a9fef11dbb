using FreeGpuPortal.Web.Data;

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FreeGpuPortal.Web.Operations;

/// <summary>
/// Unhealthy while the database cannot take a write: the file opens read-only, another writer holds it past a
/// short busy timeout, or the last write met a storage fault (a full disk shows only when something is written).
/// The probe never writes: it takes the write lock and gives it back.
/// </summary>
public sealed class StorageHealthCheck(DataDirectory data, StorageHealth health, TimeProvider timeProvider) : IHealthCheck
{
    /// <summary>How long a failed write keeps the portal unhealthy when no later write succeeded.</summary>
    public static readonly TimeSpan FailureMemory = TimeSpan.FromMinutes(1);

    private const int ProbeBytes = 64 * 1024;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (health.LastFailure is { } failure && timeProvider.GetUtcNow() - failure.At < FailureMemory)
        {
            return HealthCheckResult.Unhealthy($"The last database write failed: {Describe(failure.Problem)} (at {failure.At:O}).");
        }

        var builder = new SqliteConnectionStringBuilder(data.CatalogConnectionString)
        {
            Pooling = false,
            DefaultTimeout = 2,
            Mode = SqliteOpenMode.ReadWrite,
        };
        try
        {
            await using var connection = new SqliteConnection(builder.ToString());
            await connection.OpenAsync(cancellationToken);
            if (SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1)
            {
                return HealthCheckResult.Unhealthy($"The database {Describe(StorageProblem.ReadOnly)}.");
            }

            await using var command = connection.CreateCommand();
            command.CommandText = "BEGIN IMMEDIATE; ROLLBACK;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException exception) when (StorageProblems.Classify(exception) is { } problem)
        {
            return HealthCheckResult.Unhealthy($"The database {Describe(problem)}.", exception);
        }

        // Room for a few pages next to the database file (SQLite writes its journal there), never the file itself:
        // another descriptor on the database would drop SQLite's locks.
        var directory = Path.GetDirectoryName(builder.DataSource);
        if (string.IsNullOrEmpty(directory))
        {
            return HealthCheckResult.Healthy("The database takes writes.");
        }

        var probe = Path.Combine(directory, $".storage-probe-{Guid.NewGuid():N}");
        try
        {
            await using (var stream = new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
            {
                await stream.WriteAsync(new byte[ProbeBytes], cancellationToken);
            }

            return HealthCheckResult.Healthy("The database takes writes.");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // ENOSPC, EFBIG, EROFS, EACCES: the OS message says which.
            return HealthCheckResult.Unhealthy($"The database's directory cannot be written: {exception.Message}", exception);
        }
        finally
        {
            try
            {
                File.Delete(probe);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Nothing was created, or the directory is read-only: the check above said so.
            }
        }
    }

    private static string Describe(StorageProblem problem) => problem switch
    {
        StorageProblem.ReadOnly => "is read-only",
        StorageProblem.Busy => "is locked by another writer",
        StorageProblem.Full => "has no space left",
        _ => "cannot be written",
    };
}
