using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

using Npgsql;

namespace FreeGpuPortal.Web.Data;

/// <summary>
/// Tells a save refused by a unique index (another row took the value between our check and our write) from other
/// failures, on both providers: each reports it in its own words.
/// </summary>
public static class UniqueViolation
{
    // SQLite's SQLITE_CONSTRAINT (19) with its extended codes for a UNIQUE index and a primary key.
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public static bool Is(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint
            && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
