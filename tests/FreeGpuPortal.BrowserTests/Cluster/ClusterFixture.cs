using System.Diagnostics;
using System.Net;
using System.Security.Cryptography.X509Certificates;

using FreeGpuPortal.BrowserTests.Published;

using Microsoft.Playwright;

using Npgsql;

namespace FreeGpuPortal.BrowserTests.Cluster;

/// <summary>
/// The portal deployed as several instances: two processes of the published build in Production (two-factor sign-in
/// required) on one fresh PostgreSQL database, behind nginx with TLS (a self-signed certificate made for the run)
/// configured by exactly the shipped <c>deploy/nginx/freegpuportal.conf</c>; the fixture writes only the two include
/// files it names and a minimal nginx.conf around it. All on loopback, on free ports.
/// The PostgreSQL server is the one the test script started (PORTAL_TEST_POSTGRES); without it, the fixture starts
/// one of its own with the script's functions (scripts/lib/postgres.sh) and stops it at the end.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string AdminEmail = "cluster-admin@example.org";
    public const string AdminPassword = "two lighthouses on one coast";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "freegpuportal-cluster", Guid.NewGuid().ToString("N"));
    private readonly List<ClusterProcess> _processes = [];
    private string? _ownPostgresDirectory;
    private string? _serverConnectionString;
    private TestBrowser? _browser;


    /// <summary>nginx's address, <c>https://127.0.0.1:PORT</c>: what visitors use.</summary>
    public string ProxyUrl { get; private set; } = "";

    public PortalInstance First { get; private set; } = null!;

    public PortalInstance Second { get; private set; } = null!;

    public IReadOnlyList<PortalInstance> Instances => [First, Second];

    /// <summary>The database both instances use.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>nginx's access log: one line per request, "upstream-address status uri method seconds".</summary>
    public string AccessLogPath => Path.Combine(_root, "nginx", "logs", "access.log");

    public ClusterProcess Nginx { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        try
        {
            await StartAsync();
        }
        catch
        {
            // A fixture that fails to start is not disposed by the test framework: stop what did start.
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        Directory.CreateDirectory(_root);
        var published = await PublishedBuild.FolderAsync();
        ConnectionString = await CreateDatabaseAsync();

        // Both at once against the empty database: the start-up lock lets one migrate and seed.
        First = StartInstance("A", published);
        Second = StartInstance("B", published);
        await Task.WhenAll(First.WaitUntilHealthyAsync(), Second.WaitUntilHealthyAsync());

        await StartNginxAsync();

        _browser = await TestBrowser.LaunchAsync();
    }

    /// <summary>A browser context on nginx's address that accepts the run's self-signed certificate.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await _browser!.NewContextAsync(Chromium.ContextOptions(ProxyUrl));

        // Three servers and a browser share the machine: give a page longer than the usual 30 s before calling it stuck.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    /// <summary>An HTTP client for nginx that accepts the self-signed certificate and keeps no cookies.</summary>
    public HttpClient NewProxyClient() =>
        new(new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
            AllowAutoRedirect = false,
            UseCookies = false,
        })
        {
            BaseAddress = new Uri(ProxyUrl),
            Timeout = TimeSpan.FromSeconds(15),
        };

    /// <summary>Runs the portal's command line with the instances' settings (the same database).</summary>
    public Task<(int ExitCode, string Output)> RunPortalCommandAsync(string standardInput, params string[] arguments) =>
        First.RunCommandAsync(standardInput, arguments);

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<DateTime> LatestChangeAtUtcAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT max(\"AtUtc\") FROM \"CatalogChanges\"", connection);
        return DateTime.SpecifyKind((DateTime)(await command.ExecuteScalarAsync())!, DateTimeKind.Utc);
    }

    /// <summary>Everything the servers wrote: attach it to a failing assertion.</summary>
    public string Logs() =>
        string.Join("\n", _processes.Select(p => $"--- {p.Name} ---\n{p.Log}"))
        + (File.Exists(Path.Combine(_root, "nginx", "logs", "error.log"))
            ? "\n--- nginx error.log ---\n" + File.ReadAllText(Path.Combine(_root, "nginx", "logs", "error.log"))
            : "")
        + (File.Exists(AccessLogPath) ? "\n--- nginx access.log ---\n" + File.ReadAllText(AccessLogPath) : "");

    public async Task DisposeAsync()
    {
        try
        {
            if (_browser is not null)
            {
                await _browser.DisposeAsync();
            }
        }
        finally
        {
            foreach (var process in Enumerable.Reverse(_processes))
            {
                await process.DisposeAsync();
            }

            _processes.Clear();
            await DropDatabaseAsync();
            await StopOwnPostgresAsync();
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open on a slow machine: the OS temp cleaner gets it later.
            }
        }
    }

    private PortalInstance StartInstance(string name, string published)
    {
        var instance = new PortalInstance(name, published, Path.Combine(_root, "instance-" + name), LoopbackPort.Free(), ConnectionString);
        _processes.Add(instance.Start());
        return instance;
    }

    private async Task StartNginxAsync()
    {
        var prefix = Path.Combine(_root, "nginx");
        var conf = Path.Combine(prefix, "conf");
        Directory.CreateDirectory(Path.Combine(conf, "freegpuportal"));
        Directory.CreateDirectory(Path.Combine(prefix, "logs"));

        using var certificate = SelfSignedCertificate.Create();
        using var key = certificate.GetRSAPrivateKey()!;
        var certificatePath = Path.Combine(conf, "portal.crt");
        var keyPath = Path.Combine(conf, "portal.key");
        await File.WriteAllTextAsync(certificatePath, certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(keyPath, key.ExportPkcs8PrivateKeyPem());

        var port = LoopbackPort.Free();
        ProxyUrl = $"https://127.0.0.1:{port}";
        await File.WriteAllTextAsync(Path.Combine(conf, "freegpuportal", "upstreams.conf"), string.Concat(
            Instances.Select(i => $"server 127.0.0.1:{i.Port} max_fails=1 fail_timeout=10s;\n")));
        await File.WriteAllTextAsync(Path.Combine(conf, "freegpuportal", "listen.conf"), $"""
            listen 127.0.0.1:{port} ssl;
            server_name localhost;
            ssl_certificate     {certificatePath};
            ssl_certificate_key {keyPath};

            """);
        var shipped = Path.Combine(PublishedBuild.RepositoryRoot(), "deploy", "nginx", "freegpuportal.conf");
        var nginxConf = Path.Combine(conf, "nginx.conf");
        await File.WriteAllTextAsync(nginxConf, $$"""
            worker_processes 1;
            pid {{Path.Combine(prefix, "logs", "nginx.pid")}};
            error_log {{Path.Combine(prefix, "logs", "error.log")}} warn;
            events { worker_connections 512; }
            http {
                log_format upstream '$upstream_addr $status $request_uri $request_method $request_time';
                access_log {{AccessLogPath}} upstream;
                include {{shipped}};
            }

            """);

        var nginx = Environment.GetEnvironmentVariable("PORTAL_NGINX") ?? "/usr/sbin/nginx";
        var start = new ProcessStartInfo(nginx, ["-p", prefix, "-c", nginxConf, "-e", Path.Combine(prefix, "logs", "error.log"), "-g", "daemon off;"]);
        Nginx = ClusterProcess.Start("nginx", start);
        _processes.Add(Nginx);

        using var client = NewProxyClient();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (Nginx.HasExited)
            {
                throw new InvalidOperationException($"nginx exited ({Nginx.ExitCode}):\n{Logs()}");
            }

            try
            {
                using var response = await client.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"nginx did not answer within 20 s:\n{Logs()}");
    }

    private async Task<string> CreateDatabaseAsync()
    {
        _serverConnectionString = Environment.GetEnvironmentVariable(TestDatabase.ServerVariable);
        if (string.IsNullOrWhiteSpace(_serverConnectionString))
        {
            _serverConnectionString = await StartOwnPostgresAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(_serverConnectionString) { Pooling = false };
        var name = "fgp_cluster_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(builder.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = name }.ConnectionString;
    }

    private async Task DropDatabaseAsync()
    {
        if (_serverConnectionString is null || ConnectionString.Length == 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
        var builder = new NpgsqlConnectionStringBuilder(_serverConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
        ConnectionString = "";
    }

    private async Task<string> StartOwnPostgresAsync()
    {
        var output = await RunScriptAsync("start_test_postgres >&2 && echo \"$PG_DIR\" && echo \"$PG_CONNECTION\"", null);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        _ownPostgresDirectory = lines[^2];
        return lines[^1];
    }

    private async Task StopOwnPostgresAsync()
    {
        if (_ownPostgresDirectory is not null)
        {
            await RunScriptAsync("stop_test_postgres", _ownPostgresDirectory);
            _ownPostgresDirectory = null;
        }
    }

    private static async Task<string> RunScriptAsync(string commands, string? postgresDirectory)
    {
        var start = new ProcessStartInfo("bash", ["-c", "set -e; source scripts/lib/postgres.sh; " + commands])
        {
            WorkingDirectory = PublishedBuild.RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (postgresDirectory is not null)
        {
            start.Environment["PG_DIR"] = postgresDirectory;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/lib/postgres.sh: {commands} failed:\n{await output}\n{await error}");
        }

        return await output;
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
