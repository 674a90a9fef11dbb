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
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

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
