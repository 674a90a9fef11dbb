namespace FreeGpuPortal.Web.Hosting;

/// <summary>
/// Why the portal refuses to start. Each value is the process's exit code, taken from sysexits.h so that systemd's
/// journal names it ("status=78/CONFIG"); docs/operations.md lists them, and the shipped service unit does not restart
/// on the ones a restart cannot cure.
/// </summary>
public enum StartupRefusalReason
{
    /// <summary>The database file is corrupt, not a database, or cannot be read (EX_DATAERR).</summary>
    DatabaseUnusable = 65,

    /// <summary>The PostgreSQL server cannot be reached (EX_UNAVAILABLE): the one refusal that may cure itself.</summary>
    DatabaseUnreachable = 69,

    /// <summary>The data directory cannot be created or written (EX_CANTCREAT).</summary>
    DataDirectoryNotWritable = 73,

    /// <summary>The database has migrations this version does not know: it was used by a newer version (EX_PROTOCOL).</summary>
    DatabaseSchemaNewer = 76,

    /// <summary>A configuration value is invalid (EX_CONFIG).</summary>
    InvalidConfiguration = 78,
}
