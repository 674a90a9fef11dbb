namespace FreeGpuPortal.Web.Backups;

/// <summary>The "backups" folder in the data directory, where scheduled backups go and admins download the latest.</summary>
public sealed class BackupFolder(string dataDirectory)
{
    public const string FolderName = "backups";
    public const string FilePrefix = "freegpuportal-backup-";

    public string Path { get; } = System.IO.Path.Combine(dataDirectory, FolderName);

    /// <summary>The newest backup in the folder, if any (names sort by their UTC time stamp).</summary>
    public FileInfo? Latest() =>
        Directory.Exists(Path)
            ? new DirectoryInfo(Path).EnumerateFiles(FilePrefix + "*.zip").OrderByDescending(f => f.Name, StringComparer.Ordinal).FirstOrDefault()
            : null;

    /// <summary>Deletes all but the newest <paramref name="keep"/> backups (at least one stays).</summary>
    public void Prune(int keep)
    {
        foreach (var old in new DirectoryInfo(Path).EnumerateFiles(FilePrefix + "*.zip").OrderByDescending(f => f.Name, StringComparer.Ordinal).Skip(Math.Max(1, keep)))
        {
            old.Delete();
        }
    }
}
