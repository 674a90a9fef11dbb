using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FreeGpuPortal.Testing;

/// <summary>
/// A PostgreSQL server of a test's own (Debian's postgresql package, initdb into a temporary folder, a loopback port),
/// for tests that stop or restart the server and so cannot share the test run's. As root the server runs as the
/// "postgres" user, because initdb refuses root.
/// </summary>
public sealed class PostgreSqlServer : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _directory;

    private PostgreSqlServer(string bin, string directory, int port)
    {
        _bin = bin;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The server's maintenance database; a <see cref="PortalHostOptions.PostgreSqlServer"/>.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres";

    public static async Task<PostgreSqlServer> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(version => Path.Combine(version, "bin"))
                .Where(path => File.Exists(Path.Combine(path, "initdb"))).Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL is not installed (Debian's postgresql package; scripts/test-all.sh installs it).");
        }

        var directory = Directory.CreateTempSubdirectory("freegpuportal-pg-own-").FullName;
        var server = new PostgreSqlServer(bin, directory, FreePort());
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", ["postgres", directory]);
        }

        await server.AsOwnerAsync("initdb", ["-D", server.DataPath, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8"]);
        await server.StartServerAsync();
        return server;
    }

    private string DataPath => Path.Combine(_directory, "data");

    /// <summary>Stops the server at once (open connections are dropped, as in a crash or failover).</summary>
    public Task StopAsync() => AsOwnerAsync("pg_ctl", ["-D", DataPath, "-m", "immediate", "-w", "stop"]);

    public Task StartServerAsync() => AsOwnerAsync("pg_ctl",
    [
        "-D", DataPath, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60",
        "-o", $"-p {Port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off", "start",
    ]);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The OS temp cleaner gets it later.
        }
    }

    private Task AsOwnerAsync(string tool, IReadOnlyList<string> arguments) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments])
            : RunAsync(Path.Combine(_bin, tool), arguments);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
