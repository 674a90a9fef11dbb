using FreeGpuPortal.Web.Data;

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FreeGpuPortal.Web.Operations;

/// <summary>
/// Unhealthy while the database cannot take a write: the file opens read-only, another writer holds it past a
/// short busy timeout, or the last write met a storage fault (a full disk shows only when something is written).
/// The probe never writes: it takes the write lock and gives it back.
/// </summary>
public sealed class StorageHealthCheck(PortalDatabase database, StorageHealth health, TimeProvider timeProvider) : IHealthCheck
{
    /// <summary>How long a failed write keeps the portal unhealthy when no later write succeeded.</summary>
    public static readonly TimeSpan FailureMemory = TimeSpan.FromMinutes(1);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (health.LastFailure is { } failure && timeProvider.GetUtcNow() - failure.At < FailureMemory)
        {
            return HealthCheckResult.Unhealthy($"The last database write failed: {Describe(failure.Problem)} (at {failure.At:O}).");
        }

        if (database.IsPostgreSql)
        {
            // The server owns its storage; the database health check says whether it answers.
            return HealthCheckResult.Healthy("The database server takes writes.");
        }

        var builder = new SqliteConnectionStringBuilder(database.ConnectionString)
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

        // Room for a few pages next to the database file, where SQLite writes its journal.
        var directory = Path.GetDirectoryName(builder.DataSource);
        if (!string.IsNullOrEmpty(directory) && StorageProbe.Probe(directory) is { } found)
        {
            return HealthCheckResult.Unhealthy($"The database {Describe(found.Problem)}: {found.Reason}");
        }

        return HealthCheckResult.Healthy("The database takes writes.");
    }

    private static string Describe(StorageProblem problem) => problem switch
    {
        StorageProblem.ReadOnly => "is read-only",
        StorageProblem.Busy => "is locked by another writer",
        StorageProblem.Full => "has no space left",
        _ => "cannot be written",
    };
}
