namespace FreeGpuPortal.Web.Data;

/// <summary>The database file exists but is not a usable SQLite database; the portal refuses to start on it.</summary>
public sealed class DatabaseUnusableException(string message) : Exception(message);
