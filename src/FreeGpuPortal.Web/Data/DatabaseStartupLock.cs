using Npgsql;

namespace FreeGpuPortal.Web.Data;

/// <summary>
/// Runs start-up work on the database (migrations, seeding) in one instance at a time: on PostgreSQL under a
/// session-level advisory lock, so instances starting together against an empty database migrate and seed once and
/// the others find the work done. SQLite serves one instance and needs none.
/// </summary>
public static class DatabaseStartupLock
{
    // Any fixed number the portal alone uses; pg_advisory_lock takes a 64-bit key.
    private const long LockKey = 0x4652_4545_4750_55;

    public static async Task RunAsync(PortalDatabase database, Func<Task> work, CancellationToken cancellationToken = default)
    {
        if (!database.IsPostgreSql)
        {
            await work();
            return;
        }

        await using var connection = await OpenCreatingDatabaseAsync(database.ConnectionString, cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            take.Parameters.AddWithValue("key", LockKey);
            take.CommandTimeout = 0;
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await work();
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            release.Parameters.AddWithValue("key", LockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Opens the database, first creating it when the server lacks it (as SQLite creates its file), tolerating another
    /// instance creating it at the same moment. Creating needs a role allowed to; otherwise the operator creates it.
    /// </summary>
    private static async Task<NpgsqlConnection> OpenCreatingDatabaseAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            await connection.DisposeAsync();
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using (var server = new NpgsqlConnection(maintenance.ConnectionString))
        {
            await server.OpenAsync(cancellationToken);
            try
            {
                var quoted = "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
                await using var create = new NpgsqlCommand("CREATE DATABASE " + quoted, server);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
                // Another instance created it first.
            }
        }

        NpgsqlConnection.ClearPool(connection);
        connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
