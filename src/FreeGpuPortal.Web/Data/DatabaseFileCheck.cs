using FreeGpuPortal.Web.Hosting;

using Microsoft.Data.Sqlite;

namespace FreeGpuPortal.Web.Data;

// Checking the SQLite file before start, and the refusal when it is unusable.

/// <summary>
/// Before anything migrates or seeds: an existing database file must be a readable, intact SQLite database. A
/// corrupt or unreadable file stops the start-up with a message saying what to do, and is never written to, so a
/// damaged catalog is never "repaired" by seeding a fresh one over it.
/// </summary>
public static class DatabaseFileCheck
{
    public static async Task EnsureUsableAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var database = services.GetRequiredService<PortalDatabase>();
        if (database.IsPostgreSql)
        {
            return;
        }

        var connectionString = new SqliteConnectionStringBuilder(database.ConnectionString);
        var path = connectionString.DataSource;
        if (connectionString.Mode == SqliteOpenMode.Memory || path == ":memory:" || (!File.Exists(path) && !Directory.Exists(path)))
        {
            return;
        }

        string? problem;
        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            }.ToString());
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check";
            var result = await command.ExecuteScalarAsync(cancellationToken) as string;
            problem = result == "ok" ? null : $"SQLite's integrity check reports: {result}";
        }
        catch (SqliteException exception)
        {
            problem = exception.Message;
        }

        if (problem is null)
        {
            return;
        }

        throw new StartupRefusedException(
            StartupRefusalReason.DatabaseUnusable,
            $"The database file {path} cannot be used ({problem}). The portal does not start and leaves the file as it is. " +
            "Restore a backup with \"backup restore --input FILE\" (see docs/operations.md), or move the file away to start with a freshly seeded catalog.");
    }
}

/// <summary>The database file exists but is not a usable SQLite database; the portal refuses to start on it.</summary>
public sealed class DatabaseUnusableException(string message) : Exception(message);
