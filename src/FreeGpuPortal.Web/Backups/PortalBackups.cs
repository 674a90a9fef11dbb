using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;

using FreeGpuPortal.Web.Accounts;
using FreeGpuPortal.Web.Data;
using FreeGpuPortal.Web.Operations;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.Backups;

// Writing and restoring backups, and the refusal they raise.

/// <summary>
/// Portal backups: one zip holding a manifest, a consistent copy of the SQLite database (catalog, history, hardware
/// reports and accounts live in the one file) and the Data Protection keys, so sign-in cookies survive a restore.
/// The copy is taken with SQLite's <c>VACUUM INTO</c> inside a read transaction while the portal keeps serving:
/// writers wait for the copy (milliseconds for a catalog of this size), readers do not.
/// </summary>
public sealed class PortalBackups(
    DataDirectory data,
    PortalDatabase database,
    IDbContextFactory<CatalogDbContext> catalogContexts,
    IDbContextFactory<AccountsDbContext> accountsContexts,
    TimeProvider timeProvider,
    PortalMetrics? metrics = null)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string AppVersion { get; } =
        typeof(PortalBackups).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The SQLite file; on PostgreSQL the database's own tools (pg_dump, pg_restore) take backups instead.</summary>
    public string DatabasePath => database.IsPostgreSql
        ? throw new BackupException(
            "The portal runs on PostgreSQL: back it up with pg_dump and restore with pg_restore (see docs/deployment.md). "
            + "\"backup create\" and \"backup restore\" handle the embedded SQLite database.")
        : new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;

    public BackupFolder Folder { get; } = new(data.Path);

    /// <summary>Writes a backup of the live database to <paramref name="outputPath"/> (replaced only once complete).</summary>
    public async Task<BackupManifest> CreateAsync(string outputPath, CancellationToken cancellationToken = default)
    {
        outputPath = Path.GetFullPath(outputPath);
        if (!File.Exists(DatabasePath))
        {
            throw new BackupException($"There is no database at {DatabasePath} to back up.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);
        var work = Directory.CreateTempSubdirectory("freegpuportal-backup-").FullName;
        var partial = outputPath + ".partial";
        try
        {
            var snapshot = Path.Combine(work, "freegpuportal.db");
            await using (var connection = new SqliteConnection(database.ConnectionString))
            {
                await connection.OpenAsync(cancellationToken);
                await using var vacuum = connection.CreateCommand();
                vacuum.CommandText = "VACUUM INTO $path";
                vacuum.Parameters.AddWithValue("$path", snapshot);
                await vacuum.ExecuteNonQueryAsync(cancellationToken);
            }

            var manifest = new BackupManifest
            {
                AppVersion = AppVersion,
                CreatedAtUtc = timeProvider.GetUtcNow(),
                CatalogMigrations = await AppliedMigrationsAsync(snapshot, "__EFMigrationsHistory", cancellationToken),
                AccountsMigrations = await AppliedMigrationsAsync(snapshot, AccountsDbContext.MigrationsHistoryTable, cancellationToken),
                DatabaseSha256 = await Sha256Async(snapshot, cancellationToken),
                DatabaseBytes = new FileInfo(snapshot).Length,
            };

            await using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
            await using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                await using (var entry = await zip.CreateEntry(BackupManifest.EntryName).OpenAsync(cancellationToken))
                {
                    await JsonSerializer.SerializeAsync(entry, manifest, s_json, cancellationToken);
                }

                await zip.CreateEntryFromFileAsync(snapshot, BackupManifest.DatabaseEntryName, CompressionLevel.Optimal, cancellationToken);
                var keys = Path.Combine(data.Path, "keys");
                if (Directory.Exists(keys))
                {
                    foreach (var key in Directory.EnumerateFiles(keys, "*.xml"))
                    {
                        await zip.CreateEntryFromFileAsync(key, BackupManifest.KeysFolder + Path.GetFileName(key), CompressionLevel.Optimal, cancellationToken);
                    }
                }
            }

            File.Move(partial, outputPath, overwrite: true);
            metrics?.Backup(created: true);
            return manifest;
        }
        catch (Exception exception) when (exception is not BackupException)
        {
            metrics?.Backup(created: false);
            throw new BackupException($"The backup could not be written to {outputPath}: {exception.Message}", exception);
        }
        finally
        {
            File.Delete(partial);
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Writes a scheduled backup into the data directory and keeps the newest <paramref name="keep"/>.</summary>
    public async Task<string> CreateScheduledAsync(int keep, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(Folder.Path, $"{BackupFolder.FilePrefix}{timeProvider.GetUtcNow():yyyyMMdd-HHmmss}.zip");
        await CreateAsync(path, cancellationToken);
        Folder.Prune(keep);
        return path;
    }

    /// <summary>
    /// Reads and checks a backup: a zip with a portal manifest, a format this app reads, no migration this app does
    /// not know, and a database entry whose checksum matches. Throws <see cref="BackupException"/> otherwise.
    /// </summary>
    public async Task<BackupManifest> InspectAsync(string inputPath, CancellationToken cancellationToken = default)
    {
        await using var zip = await OpenAsync(inputPath, cancellationToken);
        var manifest = await ReadManifestAsync(zip, inputPath, cancellationToken);
        var database = zip.GetEntry(BackupManifest.DatabaseEntryName)
            ?? throw new BackupException($"{inputPath} is a portal backup without its database entry: it is incomplete.");
        await using var stream = await database.OpenAsync(cancellationToken);
        if (Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken)) != manifest.DatabaseSha256)
        {
            throw new BackupException($"{inputPath} is damaged: its database does not match the checksum in its manifest.");
        }

        return manifest;
    }

    /// <summary>
    /// Puts a backup in place of the configured database, with the portal stopped. An existing database is kept
    /// beside it (".before-restore-…"). Returns what was done, for the operator.
    /// </summary>
    public async Task<IReadOnlyList<string>> RestoreAsync(string inputPath, CancellationToken cancellationToken = default)
    {
        var manifest = await InspectAsync(inputPath, cancellationToken);
        using var portalLock = DataDirectoryLock.TryAcquire(data.Path)
            ?? throw new BackupException($"The portal is running on the data directory {data.Path}: stop it before restoring.");

        var target = DatabasePath;
        await EnsureNotInUseAsync(target, cancellationToken);
        var done = new List<string>();
        var restoring = target + $".restoring-{Guid.NewGuid():N}";
        try
        {
            await using (var zip = await OpenAsync(inputPath, cancellationToken))
            {
                await zip.GetEntry(BackupManifest.DatabaseEntryName)!.ExtractToFileAsync(restoring, overwrite: false, cancellationToken);
                await CheckRestoredDatabaseAsync(restoring, manifest, cancellationToken);

                if (File.Exists(target))
                {
                    var aside = $"{target}.before-restore-{timeProvider.GetUtcNow():yyyyMMdd-HHmmss}";
                    foreach (var suffix in new[] { "", "-journal", "-wal", "-shm" })
                    {
                        if (File.Exists(target + suffix))
                        {
                            File.Move(target + suffix, aside + suffix);
                        }
                    }

                    done.Add($"The database that was there is kept as {aside}.");
                }

                File.Move(restoring, target);
                done.Add($"Restored the database to {target} (backup of {manifest.CreatedAtUtc:u}, app version {manifest.AppVersion}).");

                var keys = Directory.CreateDirectory(Path.Combine(data.Path, "keys")).FullName;
                var restoredKeys = 0;
                foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith(BackupManifest.KeysFolder, StringComparison.Ordinal) && e.Name.EndsWith(".xml", StringComparison.Ordinal)))
                {
                    var keyPath = Path.Combine(keys, entry.Name);
                    if (!File.Exists(keyPath))
                    {
                        await entry.ExtractToFileAsync(keyPath, overwrite: false, cancellationToken);
                        restoredKeys++;
                    }
                }

                done.Add($"Restored {restoredKeys} Data Protection key(s) to {keys}.");
            }

            var pending = PendingMigrations(manifest);
            done.Add(pending.Count == 0
                ? "The schema matches this version of the portal."
                : $"The portal applies {pending.Count} newer migration(s) when it starts: {string.Join(", ", pending)}.");
            return done;
        }
        finally
        {
            File.Delete(restoring);
        }
    }

    private IReadOnlyList<string> PendingMigrations(BackupManifest manifest)
    {
        using var catalog = catalogContexts.CreateDbContext();
        using var accounts = accountsContexts.CreateDbContext();
        return [
            .. catalog.Database.GetMigrations().Except(manifest.CatalogMigrations, StringComparer.Ordinal),
            .. accounts.Database.GetMigrations().Except(manifest.AccountsMigrations, StringComparer.Ordinal),
        ];
    }

    private static async Task<ZipArchive> OpenAsync(string inputPath, CancellationToken cancellationToken)
    {
        if (!File.Exists(inputPath))
        {
            throw new BackupException($"There is no file {inputPath}.");
        }

        try
        {
            return await ZipArchive.CreateAsync(File.OpenRead(inputPath), ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null, cancellationToken);
        }
        catch (InvalidDataException exception)
        {
            throw new BackupException($"{inputPath} is not a portal backup: it is not a zip archive made by \"backup create\".", exception);
        }
    }

    private async Task<BackupManifest> ReadManifestAsync(ZipArchive zip, string inputPath, CancellationToken cancellationToken)
    {
        var entry = zip.GetEntry(BackupManifest.EntryName)
            ?? throw new BackupException($"{inputPath} is not a portal backup: it has no {BackupManifest.EntryName}.");
        BackupManifest? manifest;
        try
        {
            await using var stream = await entry.OpenAsync(cancellationToken);
            manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(stream, s_json, cancellationToken);
        }
        catch (JsonException exception)
        {
            throw new BackupException($"{inputPath} is not a portal backup: its {BackupManifest.EntryName} cannot be read.", exception);
        }

        if (manifest is null || manifest.Format != BackupManifest.FormatName)
        {
            throw new BackupException($"{inputPath} is not a portal backup: its manifest is not one of FreeGpuPortal.");
        }

        if (manifest.FormatVersion > BackupManifest.CurrentFormatVersion)
        {
            throw new BackupException(
                $"{inputPath} was written in backup format {manifest.FormatVersion} by portal {manifest.AppVersion}; this portal ({AppVersion}) reads format {BackupManifest.CurrentFormatVersion}. Restore it with that version or newer.");
        }

        await using var catalog = await catalogContexts.CreateDbContextAsync(cancellationToken);
        await using var accounts = await accountsContexts.CreateDbContextAsync(cancellationToken);
        var unknown = manifest.CatalogMigrations.Except(catalog.Database.GetMigrations(), StringComparer.Ordinal)
            .Concat(manifest.AccountsMigrations.Except(accounts.Database.GetMigrations(), StringComparer.Ordinal))
            .ToList();
        if (unknown.Count > 0)
        {
            throw new BackupException(
                $"{inputPath} has a newer schema than this portal ({AppVersion}): it knows none of the migrations {string.Join(", ", unknown)}. Restore it with portal {manifest.AppVersion} or newer.");
        }

        return manifest;
    }

    private static async Task CheckRestoredDatabaseAsync(string path, BackupManifest manifest, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        if (await check.ExecuteScalarAsync(cancellationToken) as string != "ok")
        {
            throw new BackupException("The backup's database fails SQLite's integrity check: it was not restored.");
        }

        await connection.CloseAsync();
        if (!(await AppliedMigrationsAsync(path, "__EFMigrationsHistory", cancellationToken)).SequenceEqual(manifest.CatalogMigrations))
        {
            throw new BackupException("The backup's database does not have the migrations its manifest lists: it was not restored.");
        }
    }

    private static async Task EnsureNotInUseAsync(string target, CancellationToken cancellationToken)
    {
        if (!File.Exists(target))
        {
            return;
        }

        // Any other process with the database open in a transaction holds a lock; an exclusive lock proves none does.
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false, DefaultTimeout = 1 }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "BEGIN EXCLUSIVE; ROLLBACK;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is 5 or 6)
        {
            throw new BackupException($"The database {target} is in use by another process: stop the portal before restoring.", exception);
        }
    }

    private static async Task<IReadOnlyList<string>> AppliedMigrationsAsync(string databasePath, string historyTable, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        exists.Parameters.AddWithValue("$name", historyTable);
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return [];
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT MigrationId FROM \"{historyTable}\" ORDER BY MigrationId";
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}

/// <summary>A backup or restore refused, with a message meant for the operator as it is.</summary>
public sealed class BackupException(string message, Exception? inner = null) : Exception(message, inner);
