using FreeGpuPortal.Web.Accounts;
using FreeGpuPortal.Web.Backups;
using FreeGpuPortal.Web.Hosting;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FreeGpuPortal.Web.Data;

/// <summary>
/// Before anything migrates: a database that holds migrations this build does not know was used by a newer version
/// (a downgrade, or an old copy of the app started by mistake). Running on it would read and write a schema the code
/// does not match, so the start is refused and the database left as it is.
/// </summary>
public static class SchemaVersionCheck
{
    public static async Task EnsureNotNewerAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var unknown = new List<string>();
        unknown.AddRange(await UnknownMigrationsAsync(services.GetRequiredService<IDbContextFactory<CatalogDbContext>>(), cancellationToken));
        unknown.AddRange(await UnknownMigrationsAsync(services.GetRequiredService<IDbContextFactory<AccountsDbContext>>(), cancellationToken));
        if (unknown.Count == 0)
        {
            return;
        }

        throw new StartupRefusedException(
            StartupRefusalReason.DatabaseSchemaNewer,
            $"The database was used by a newer version of the portal: this version ({PortalBackups.AppVersion}) does not know its migration(s) "
            + $"{string.Join(", ", unknown)}. The portal does not start and leaves the database as it is. Run that version or a newer one, "
            + "or restore a backup made by this version (docs/deployment.md).");
    }

    private static async Task<IReadOnlyList<string>> UnknownMigrationsAsync<TContext>(
        IDbContextFactory<TContext> factory, CancellationToken cancellationToken)
        where TContext : DbContext
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var history = db.GetService<IHistoryRepository>();
        if (db.Database.IsNpgsql())
        {
            // Npgsql finds out whether its history table exists by reading it and logging the error when it does not
            // (see MigrationExtensions): creating it first, as the migrations would, keeps a first start's log clean.
            await history.CreateIfNotExistsAsync(cancellationToken);
        }
        else if (!await history.ExistsAsync(cancellationToken))
        {
            // SQLite asks its catalog: a fresh file gets no table from this check.
            return [];
        }

        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var applied = await history.GetAppliedMigrationsAsync(cancellationToken);
        return [.. applied.Select(row => row.MigrationId).Where(id => !known.Contains(id))];
    }
}
