using FreeGpuPortal.Web.Hosting;

using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.Data;

/// <summary>
/// Which database the portal uses ("Database:Provider") and its connection string ("ConnectionStrings:Catalog"), read
/// once. The catalog and the accounts share the database, each with migrations (and a history table) of its own.
/// </summary>
public sealed class PortalDatabase
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringName = "Catalog";

    public PortalDatabase(IConfiguration configuration, DataDirectory dataDirectory)
    {
        Provider = ProviderFrom(configuration);
        var configured = configuration.GetConnectionString(ConnectionStringName);
        ConnectionString = Provider == DatabaseProvider.Sqlite
            ? dataDirectory.ResolveSqliteConnectionString(configured)
            : string.IsNullOrWhiteSpace(configured) || !configured.Contains("Host=", StringComparison.OrdinalIgnoreCase)
                ? throw new StartupRefusedException(StartupRefusalReason.InvalidConfiguration,
                    "Database:Provider is PostgreSQL: set ConnectionStrings:Catalog to a PostgreSQL connection string "
                    + "(Host=…;Port=5432;Database=freegpuportal;Username=…;Password=…).")
                : configured;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public bool IsPostgreSql => Provider == DatabaseProvider.PostgreSQL;

    /// <summary>Reads "Database:Provider" (Sqlite when unset); an unknown name stops the start with a clear message.</summary>
    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var configured = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(configured.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new StartupRefusedException(StartupRefusalReason.InvalidConfiguration, $"{ProviderKey} is '{configured}'; it must be Sqlite or PostgreSQL.");
    }

    /// <summary>Points a context at this database; <paramref name="migrationsHistoryTable"/> keeps a context's migrations apart.</summary>
    public DbContextOptionsBuilder Use(DbContextOptionsBuilder options, string? migrationsHistoryTable = null) =>
        Provider == DatabaseProvider.PostgreSQL
            ? options.UseNpgsql(ConnectionString, npgsql =>
            {
                // A restart or failover of the server drops every connection: retry what failed for about half a
                // minute before an admin sees "storage unavailable". (No code here opens its own transaction, which
                // a retrying strategy would have to wrap.)
                npgsql.EnableRetryOnFailure(maxRetryCount: 6, maxRetryDelay: TimeSpan.FromSeconds(10), errorCodesToAdd: null);
                if (migrationsHistoryTable is not null)
                {
                    npgsql.MigrationsHistoryTable(migrationsHistoryTable);
                }
            })
            : options.UseSqlite(ConnectionString, sqlite =>
            {
                if (migrationsHistoryTable is not null)
                {
                    sqlite.MigrationsHistoryTable(migrationsHistoryTable);
                }
            });
}
