using System.IO.Compression;
using System.Text.Json;

using FreeGpuPortal.Web.Backups;

using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.IntegrationTests.Operations;

/// <summary>What "backup restore" refuses, each with a message that says why, and the scheduled backup an admin downloads.</summary>
/// <remarks>SQLite only: PostgreSQL keeps its own files and is backed up with pg_dump.</remarks>
[Trait("Database", "SqliteOnly")]
public sealed class BackupRefusalTests : IAsyncLifetime
{
    private readonly PortalHost _portal = OperationsPortal.Create(
        OperationsPortal.NewDirectory("backup-refusals"),
        new Dictionary<string, string> { ["Backup:Schedule"] = "00:00:01", ["Backup:Keep"] = "2" });

    private readonly string _work = OperationsPortal.NewDirectory("backup-files");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        PortalHost.DeleteDataDirectory(_portal.DataDirectory);
        PortalHost.DeleteDataDirectory(_work);
    }

    private PortalBackups Backups => _portal.Services.GetRequiredService<PortalBackups>();

    private async Task<string> RestoreErrorAsync(string file)
    {
        var error = new StringWriter();
        var code = await BackupCommand.RunAsync(_portal.Services, ["backup", "restore", "--input", file], TextWriter.Null, error);
        Assert.Equal(1, code);
        return error.ToString();
    }

    /// <summary>A real backup of the running portal with its manifest changed by <paramref name="change"/>.</summary>
    private async Task<string> BackupWithManifestAsync(Func<BackupManifest, BackupManifest> change)
    {
        var file = Path.Combine(_work, $"{Guid.NewGuid():N}.zip");
        var manifest = await Backups.CreateAsync(file);
        await using var zip = await ZipArchive.CreateAsync(File.Open(file, FileMode.Open), ZipArchiveMode.Update, leaveOpen: false, entryNameEncoding: null);
        zip.GetEntry(BackupManifest.EntryName)!.Delete();
        await using var entry = await zip.CreateEntry(BackupManifest.EntryName).OpenAsync();
        await JsonSerializer.SerializeAsync(entry, change(manifest), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        return file;
    }

    [Fact]
    public async Task A_file_that_is_not_a_zip_is_refused()
    {
        var file = Path.Combine(_work, "notes.zip");
        await File.WriteAllTextAsync(file, "not a backup");

        Assert.Contains("is not a portal backup: it is not a zip archive", await RestoreErrorAsync(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zip_without_a_portal_manifest_is_refused()
    {
        var file = Path.Combine(_work, "other.zip");
        await using (var zip = await ZipArchive.CreateAsync(File.Create(file), ZipArchiveMode.Create, leaveOpen: false, entryNameEncoding: null))
        {
            await using var entry = await zip.CreateEntry("freegpuportal.db").OpenAsync();
            await entry.WriteAsync(new byte[100]);
        }

        Assert.Contains("it has no manifest.json", await RestoreErrorAsync(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backup_with_a_newer_schema_is_refused_naming_the_unknown_migration()
    {
        var file = await BackupWithManifestAsync(m => m with { CatalogMigrations = [.. m.CatalogMigrations, "29991231000000_FromTheFuture"], AppVersion = "9.0.0" });

        var error = await RestoreErrorAsync(file);

        Assert.Contains("has a newer schema than this portal", error, StringComparison.Ordinal);
        Assert.Contains("29991231000000_FromTheFuture", error, StringComparison.Ordinal);
        Assert.Contains("portal 9.0.0 or newer", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backup_whose_database_does_not_match_its_checksum_is_refused()
    {
        var file = await BackupWithManifestAsync(m => m with { DatabaseSha256 = new string('0', 64) });

        Assert.Contains("is damaged", await RestoreErrorAsync(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restoring_onto_the_data_directory_of_a_running_portal_is_refused()
    {
        var file = Path.Combine(_work, "good.zip");
        await Backups.CreateAsync(file);

        Assert.Contains("The portal is running on the data directory", await RestoreErrorAsync(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scheduled_backups_are_written_and_pruned_and_only_an_admin_downloads_the_latest()
    {
        _ = _portal.Server;
        var folder = Path.Combine(_portal.DataDirectory, BackupFolder.FolderName);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && (!Directory.Exists(folder) || Directory.GetFiles(folder, "*.zip").Length < 2))
        {
            await Task.Delay(250);
        }

        await Task.Delay(2500); // a few more ticks: pruning keeps two
        Assert.InRange(Directory.GetFiles(folder, "*.zip").Length, 1, 2);
        var latest = Backups.Folder.Latest()!;
        Assert.Equal(BackupFolder.FolderName, latest.Directory!.Name);

        var anonymous = await _portal.NewClient().GetAsync(BackupExtensions.LatestBackupPath);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, anonymous.StatusCode);
        await _portal.CreateUserAsync("reader@example.org");
        var reader = await (await _portal.SignedInClientAsync("reader@example.org")).GetAsync(BackupExtensions.LatestBackupPath);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, reader.StatusCode);

        await _portal.CreateAdminAsync("admin@example.org");
        var admin = await _portal.SignedInClientAsync("admin@example.org");
        var download = await admin.GetAsync(BackupExtensions.LatestBackupPath);
        Assert.Equal(System.Net.HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
        var saved = Path.Combine(_work, "downloaded.zip");
        await File.WriteAllBytesAsync(saved, await download.Content.ReadAsByteArrayAsync());
        var manifest = await Backups.InspectAsync(saved);
        Assert.Contains(manifest.CatalogMigrations, m => m.EndsWith("_HardwareReports", StringComparison.Ordinal));
        Assert.Single(manifest.AccountsMigrations);

        var index = await admin.GetStringAsync("/admin");
        Assert.Contains($"href=\"{BackupExtensions.LatestBackupPath.TrimStart('/')}\"", index, StringComparison.Ordinal);
    }
}
