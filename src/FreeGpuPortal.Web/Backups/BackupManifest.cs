namespace FreeGpuPortal.Web.Backups;

/// <summary>
/// The first entry of every portal backup (manifest.json): what made it, when, and which migrations its database
/// has, so a restore can refuse a file that is no portal backup or whose schema is newer than the app.
/// </summary>
public sealed record BackupManifest
{
    public const string EntryName = "manifest.json";
    public const string DatabaseEntryName = "database/freegpuportal.db";
    public const string KeysFolder = "keys/";
    public const string FormatName = "FreeGpuPortal.Backup";
    public const int CurrentFormatVersion = 1;

    public string Format { get; init; } = FormatName;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    public required string AppVersion { get; init; }

    public required DateTimeOffset CreatedAtUtc { get; init; }

    /// <summary>Migration ids applied to the catalog (history, reports) in the backed-up database, in order.</summary>
    public required IReadOnlyList<string> CatalogMigrations { get; init; }

    /// <summary>Migration ids applied to the accounts tables in the backed-up database, in order.</summary>
    public required IReadOnlyList<string> AccountsMigrations { get; init; }

    /// <summary>SHA-256 (hex) of the database entry, checked before a restore puts it in place.</summary>
    public required string DatabaseSha256 { get; init; }

    public required long DatabaseBytes { get; init; }
}
