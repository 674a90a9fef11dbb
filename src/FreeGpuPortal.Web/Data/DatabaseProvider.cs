namespace FreeGpuPortal.Web.Data;

/// <summary>The database engines the portal runs on ("Database:Provider").</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded file in the data directory: one instance, nothing to install.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: one or several instances sharing it.</summary>
    PostgreSQL,
}
