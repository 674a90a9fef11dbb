using FreeGpuPortal.Web.Hosting;

using Microsoft.Data.Sqlite;

namespace FreeGpuPortal.Web.Data;

/// <summary>
/// Where the portal keeps its state (SQLite database, rolling logs, Data Protection keys on SQLite). Resolved once against the content root,
/// never against the working directory, so the app behaves the same wherever it is started from.
/// </summary>
public sealed class DataDirectory
{
    public const string ConfigurationKey = "Storage:DataDirectory";
    public const string DefaultDatabaseFile = "freegpuportal.db";

    public DataDirectory(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[ConfigurationKey];
        Path = System.IO.Path.GetFullPath(
            string.IsNullOrWhiteSpace(configured) ? "data" : configured,
            environment.ContentRootPath);
        EnsureWritable(Path);
    }

    public string Path { get; }

    /// <summary>
    /// Creates the directory when missing and writes (and removes) a small file in it: a directory the portal's user
    /// may not write to refuses the start with its name, instead of failing later on the first log line, key or save.
    /// </summary>
    private static void EnsureWritable(string path)
    {
        var probe = System.IO.Path.Combine(path, $".write-check-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(path);
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new StartupRefusedException(
                StartupRefusalReason.DataDirectoryNotWritable,
                $"The data directory {path} ({ConfigurationKey}) cannot be written: {exception.Message} Give the portal's user "
                + "write access to it (docs/deployment.md), or set Storage:DataDirectory to a directory it may write.",
                exception);
        }
    }

    /// <summary>A SQLite connection string whose relative <c>Data Source</c> is placed in this directory.</summary>
    public string ResolveSqliteConnectionString(string? configured)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? string.Empty);
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            builder.DataSource = DefaultDatabaseFile;
        }

        var isInMemory = builder.Mode == SqliteOpenMode.Memory || builder.DataSource == ":memory:";
        if (!isInMemory)
        {
            builder.DataSource = System.IO.Path.GetFullPath(builder.DataSource, Path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(builder.DataSource)!);
        }

        return builder.ToString();
    }
}
