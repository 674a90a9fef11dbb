using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

using FreeGpuPortal.Web.Hosting;

using Microsoft.Data.Sqlite;

namespace FreeGpuPortal.BrowserTests.Published;

/// <summary>
/// Every start-up refusal, on the published build in a process of its own as a service manager starts it: the
/// process exits with the documented code (not 134, an abort with a core dump), writes exactly one line saying why,
/// no stack trace and no "Unhandled exception", and leaves the database file byte for byte as it was.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StartupRefusalTests(StartupRefusalTests.MigratedDatabase template) : IClassFixture<StartupRefusalTests.MigratedDatabase>
{
    private static readonly bool IsRoot = Environment.UserName == "root";

    [Fact]
    public async Task A_corrupt_database_file_exits_65_with_one_line_and_is_left_untouched()
    {
        using var data = new TemporaryDirectory("corrupt");
        var database = data.File("freegpuportal.db");
        var garbage = new byte[64 * 1024];
        new Random(7).NextBytes(garbage);
        await File.WriteAllBytesAsync(database, garbage);
        var before = Hash(database);

        var (exitCode, output) = await RunPortalAsync(data.Path);

        AssertRefused(StartupRefusalReason.DatabaseUnusable, "cannot be used", exitCode, output);
        Assert.Contains("backup restore", output, StringComparison.Ordinal);
        Assert.Equal(before, Hash(database));
        Assert.False(File.Exists(database + "-journal") || File.Exists(database + "-wal"), "SQLite started writing next to the file");
    }

    [Fact]
    public async Task An_unreadable_database_file_exits_65_with_one_line_and_is_left_untouched()
    {
        // Root reads any file, so as root the portal runs as "nobody", as a service's own user would.
        using var data = new TemporaryDirectory("unreadable");
        var database = data.File("freegpuportal.db");
        File.Copy(template.DatabaseFile, database);
        File.SetUnixFileMode(database, UnixFileMode.None);
        var before = Hash(database);
        using var readable = new TemporaryDirectory("published");
        if (IsRoot)
        {
            await RunAsync("chown", "nobody", data.Path);
            // The test script's temporary folders are private to their owner: "nobody" runs a copy it may read.
            await RunAsync("cp", "-r", (await PublishedBuild.FolderAsync()) + "/.", readable.Path);
            await RunAsync("chmod", "-R", "a+rX", readable.Path);
        }

        var (exitCode, output) = await RunPortalAsync(data.Path, asNobodyFrom: IsRoot ? readable.Path : null);

        AssertRefused(StartupRefusalReason.DatabaseUnusable, "cannot be used", exitCode, output);
        Assert.Equal(before, Hash(database));
    }

    [Fact]
    public async Task A_database_used_by_a_newer_version_exits_76_with_one_line_and_is_left_untouched()
    {
        using var data = new TemporaryDirectory("newer-schema");
        var database = data.File("freegpuportal.db");
        File.Copy(template.DatabaseFile, database);
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ('29991231000000_FromANewerVersion', '99.0.0')";
            await command.ExecuteNonQueryAsync();
        }

        var before = Hash(database);

        var (exitCode, output) = await RunPortalAsync(data.Path);

        AssertRefused(StartupRefusalReason.DatabaseSchemaNewer, "29991231000000_FromANewerVersion", exitCode, output);
        Assert.Equal(before, Hash(database));
    }

    [Fact]
    public async Task An_unreachable_postgresql_server_exits_69_with_one_line_and_writes_no_database_file()
    {
        using var data = new TemporaryDirectory("unreachable-postgresql");
        var closedPort = ClosedLoopbackPort();

        var (exitCode, output) = await RunPortalAsync(data.Path, new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSQL",
            ["ConnectionStrings__Catalog"] = $"Host=127.0.0.1;Port={closedPort};Database=freegpuportal;Username=portal;Timeout=5",
        });

        AssertRefused(StartupRefusalReason.DatabaseUnreachable, "cannot be reached", exitCode, output);
        Assert.Empty(Directory.GetFiles(data.Path, "*.db*"));
    }

    [Fact]
    public async Task A_data_directory_that_cannot_be_written_exits_73_with_one_line_and_its_database_is_left_untouched()
    {
        using var data = new TemporaryDirectory("unwritable");
        var database = data.File("freegpuportal.db");
        File.Copy(template.DatabaseFile, database);
        var before = Hash(database);
        using var readOnly = new ReadOnlyDirectory(data.Path);

        var (exitCode, output) = await RunPortalAsync(data.Path);

        AssertRefused(StartupRefusalReason.DataDirectoryNotWritable, "cannot be written", exitCode, output);
        Assert.Contains(data.Path, output, StringComparison.Ordinal);
        Assert.Equal(before, Hash(database));
    }

    [Theory]
    [InlineData("LinkCheck__Schedule", "25:99", "LinkCheck:Schedule \"25:99\"")]
    [InlineData("Backup__Schedule", "daily", "Backup:Schedule")]
    [InlineData("Database__Provider", "Oracle", "Database:Provider is 'Oracle'")]
    public async Task An_invalid_configuration_value_exits_78_with_one_line_naming_it_and_the_database_is_left_untouched(
        string variable, string value, string named)
    {
        using var data = new TemporaryDirectory("invalid-setting");
        var database = data.File("freegpuportal.db");
        File.Copy(template.DatabaseFile, database);
        var before = Hash(database);

        var (exitCode, output) = await RunPortalAsync(data.Path, new Dictionary<string, string> { [variable] = value });

        AssertRefused(StartupRefusalReason.InvalidConfiguration, named, exitCode, output);
        Assert.Equal(before, Hash(database));
    }

    private static void AssertRefused(StartupRefusalReason reason, string expected, int exitCode, string output)
    {
        Assert.True(exitCode == (int)reason, $"exit code {exitCode}, expected {(int)reason} ({reason}):\n{output}");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines);
        Assert.Contains($"FTL] FreeGpuPortal refused to start (exit code {(int)reason}): ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception:", output, StringComparison.Ordinal);
    }

    /// <summary>The published portal started as in production (its own folder as working directory), with a timeout.</summary>
    private static async Task<(int ExitCode, string Output)> RunPortalAsync(
        string dataDirectory, IReadOnlyDictionary<string, string>? settings = null, string? asNobodyFrom = null)
    {
        var runAsNobody = asNobodyFrom is not null;
        var published = asNobodyFrom ?? await PublishedBuild.FolderAsync();
        var start = runAsNobody ? new ProcessStartInfo("runuser") : new ProcessStartInfo("dotnet");
        if (runAsNobody)
        {
            foreach (var argument in new[] { "-u", "nobody", "--", "dotnet" })
            {
                start.ArgumentList.Add(argument);
            }
        }

        start.WorkingDirectory = published;
        start.ArgumentList.Add(Path.Combine(published, "FreeGpuPortal.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{ClosedLoopbackPort()}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Storage__DataDirectory"] = dataDirectory;
        // Tests never reach the sites the catalog cites.
        start.Environment["LinkCheck__Schedule"] = "off";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return await PortalCommandLine.RunAsync(start, "");
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var (exitCode, output) = await PortalCommandLine.RunAsync(start, "");
        Assert.True(exitCode == 0, $"{file} {string.Join(' ', arguments)}: {output}");
    }

    /// <summary>
    /// A database the published build made itself (<c>admin create</c> migrates and seeds, then exits), copied by each
    /// test that needs an intact one.
    /// </summary>
    public sealed class MigratedDatabase : IAsyncLifetime
    {
        private readonly TemporaryDirectory _directory = new("template");

        public string DatabaseFile => _directory.File("freegpuportal.db");

        public async Task InitializeAsync()
        {
            var published = await PublishedBuild.FolderAsync();
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = published };
            start.ArgumentList.Add(Path.Combine(published, "FreeGpuPortal.Web.dll"));
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["Storage__DataDirectory"] = _directory.Path;
            start.Environment["LinkCheck__Schedule"] = "off";
            var (exitCode, output) = await PortalCommandLine.RunAsync(
                start, "a long pass phrase for the copies", "admin", "create", "--email", "template@example.org");
            Assert.True(exitCode == 0, $"admin create: {output}");
        }

        public Task DisposeAsync()
        {
            _directory.Dispose();
            return Task.CompletedTask;
        }
    }

    private sealed class TemporaryDirectory : IDisposable
    {
        public TemporaryDirectory(string purpose)
        {
            Path = Directory.CreateDirectory(System.IO.Path.Combine(
                System.IO.Path.GetTempPath(), "freegpuportal-refusals", $"{purpose}-{Guid.NewGuid():N}")).FullName;
            // Reachable for "nobody" in the test that runs as it.
            System.IO.File.SetUnixFileMode(System.IO.Path.GetDirectoryName(Path)!, (UnixFileMode)0b111_101_101);
        }

        public string Path { get; }

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // The OS temp cleaner gets it later.
            }
        }
    }

    /// <summary>A directory nobody may write to: mode 0555, and for root (who ignores modes) the immutable attribute.</summary>
    private sealed class ReadOnlyDirectory : IDisposable
    {
        private readonly string _path;

        public ReadOnlyDirectory(string path)
        {
            _path = path;
            File.SetUnixFileMode(path, (UnixFileMode)0b101_101_101);
            if (IsRoot)
            {
                RunAsync("chattr", "+i", path).GetAwaiter().GetResult();
            }
        }

        public void Dispose()
        {
            if (IsRoot)
            {
                RunAsync("chattr", "-i", _path).GetAwaiter().GetResult();
            }

            File.SetUnixFileMode(_path, (UnixFileMode)0b111_101_101);
        }
    }
}
