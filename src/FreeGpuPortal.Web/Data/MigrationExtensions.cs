using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FreeGpuPortal.Web.Data;

public static class MigrationExtensions
{
    /// <summary>
    /// Applies pending migrations. On PostgreSQL the provider learns whether its history table exists by reading it and
    /// catching the "does not exist" error, which EF logs as an error on every first start against an empty database
    /// (npgsql/efcore.pg#3407): a false alarm for an operator who alerts on errors. Creating the table first, through the
    /// provider's own history repository, keeps a first start's log free of errors; the migrations are the same. (On
    /// PostgreSQL the database exists by now: <see cref="DatabaseStartupLock"/> creates it.)
    /// </summary>
    public static async Task ApplyMigrationsAsync(this DatabaseFacade database, CancellationToken cancellationToken = default)
    {
        if (database.IsNpgsql())
        {
            await database.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        }

        await database.MigrateAsync(cancellationToken);
    }
}
