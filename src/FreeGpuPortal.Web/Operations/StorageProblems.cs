using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.Operations;

/// <summary>Tells storage faults (read-only, locked, full, I/O) from other database errors.</summary>
public static class StorageProblems
{
    // SQLite primary result codes (the low byte of an extended code).
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;

    /// <summary>The storage problem behind <paramref name="exception"/>, or null when it is no storage fault.</summary>
    public static StorageProblem? Classify(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SqliteException sqlite)
            {
                return ClassifySqliteCode(sqlite.SqliteErrorCode, sqlite.SqliteExtendedErrorCode);
            }

            // PostgreSQL: the server went away or restarted, and the retries (EnableRetryOnFailure) ran out.
            if (current is Npgsql.NpgsqlException { IsTransient: true } or Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException)
            {
                return StorageProblem.Unavailable;
            }

            if (current is DbUpdateException { InnerException: null })
            {
                return null;
            }
        }

        return null;
    }

    private static StorageProblem? ClassifySqliteCode(int code, int extendedCode)
    {
        // An I/O error caused by a full disk or a read-only remount arrives as SQLITE_IOERR_WRITE and friends;
        // the OS error is not exposed, so the extended code and the primary code are what there is to go on.
        return (code & 0xFF) switch
        {
            SqliteBusy or SqliteLocked => StorageProblem.Busy,
            SqliteReadOnly => StorageProblem.ReadOnly,
            SqliteFull => StorageProblem.Full,
            SqliteIoError or SqliteCantOpen => (extendedCode & 0xFF) == SqliteFull ? StorageProblem.Full : StorageProblem.Unavailable,
            _ => null,
        };
    }
}
