namespace FreeGpuPortal.Web.Backups;

/// <summary>The "Backup" configuration section.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>
    /// How often the running portal writes a backup into the data directory's "backups" folder, as a time span
    /// ("1.00:00:00" daily, "06:00:00" every six hours). Not set: no scheduled backups.
    /// </summary>
    public TimeSpan? Schedule { get; set; }

    /// <summary>How many scheduled backups to keep; older ones are deleted after each new one.</summary>
    public int Keep { get; set; } = 7;
}
