using FreeGpuPortal.Web.Data;

using Microsoft.Data.Sqlite;

using Npgsql;

namespace FreeGpuPortal.Testing;

/// <summary>
/// The database a test host runs on. SQLite by default: a file in the host's data directory. With the environment
/// variable PORTAL_TEST_DATABASE=PostgreSQL, a fresh database named after the data directory on the server that
/// PORTAL_TEST_POSTGRES names (scripts/test-all.sh starts one and sets both), dropped when the owning host ends.
/// </summary>
public sealed class TestDatabase
{
    public const string ProviderVariable = "PORTAL_TEST_DATABASE";
    public const string ServerVariable = "PORTAL_TEST_POSTGRES";

    private TestDatabase(DatabaseProvider provider, string? connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
    }

    /// <summary>The provider this test run uses, from PORTAL_TEST_DATABASE.</summary>
    public static DatabaseProvider CurrentProvider { get; } =
        Environment.GetEnvironmentVariable(ProviderVariable) is { Length: > 0 } name
            ? Enum.Parse<DatabaseProvider>(name, ignoreCase: true)
            : DatabaseProvider.Sqlite;

    public DatabaseProvider Provider { get; }

    /// <summary>The PostgreSQL connection string; null on SQLite, where the app's default file in the data directory is used.</summary>
    public string? ConnectionString { get; }

    public static TestDatabase For(string dataDirectory) => For(CurrentProvider, dataDirectory);

    public static TestDatabase For(DatabaseProvider provider, string dataDirectory)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            return new TestDatabase(provider, null);
        }

        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{ProviderVariable}=PostgreSQL needs {ServerVariable}, a connection string to a PostgreSQL server that may create databases (scripts/test-all.sh sets it).");
        }

        var builder = new NpgsqlConnectionStringBuilder(server)
        {
            Database = "fgp_test_" + new string([.. Path.GetFileName(dataDirectory.TrimEnd(Path.DirectorySeparatorChar)).Where(char.IsAsciiLetterOrDigit)]).ToLowerInvariant(),
        };
        return new TestDatabase(provider, builder.ConnectionString);
    }

    /// <summary>The settings that point the app at this database.</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings()
    {
        yield return new(PortalDatabase.ProviderKey, Provider.ToString());
        if (ConnectionString is not null)
        {
            yield return new($"ConnectionStrings:{PortalDatabase.ConnectionStringName}", ConnectionString);
        }
    }

    /// <summary>Releases pooled connections and drops a PostgreSQL database (the SQLite file goes with its folder).</summary>
    public async Task DropAsync()
    {
        if (ConnectionString is null)
        {
            SqliteConnection.ClearAllPools();
            return;
        }

        NpgsqlConnection.ClearAllPools();
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        var name = builder.Database!;
        builder.Database = "postgres";
        builder.Pooling = false;
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
