using FreeGpuPortal.Testing;

namespace FreeGpuPortal.Soak;

/// <summary>
/// The published portal in Production over HTTPS on 127.0.0.1 and a free port, in a process of its own on a fresh data
/// directory, started as the browser tests of the published build start it (<see cref="PublishedPortal"/>). Only the
/// limits a load test must lift are changed: the per-address API and parser rate limits (every request comes from
/// 127.0.0.1), the sign-in limit, and the scheduled link check (the soak never leaves loopback).
/// </summary>
public sealed class PortalServer : IAsyncDisposable
{
    private readonly PublishedPortal _portal;

    public PortalServer(string publishedFolder, string dataDirectory)
    {
        _portal = new PublishedPortal(publishedFolder, dataDirectory, new Dictionary<string, string>
        {
            ["RateLimits:Api:PermitPerMinute"] = "1000000",
            ["RateLimits:HardwareReportParse:PermitPerMinute"] = "1000000",

            // The soak measures the portal as operators run it, writing its log file too.
            ["Serilog:File:Enabled"] = "true",
        });
    }

    public string DataDirectory => _portal.DataDirectory;

    public string BaseUrl => _portal.BaseUrl;

    public int ProcessId => _portal.Process.Id;

    public string DatabasePath => Path.Combine(DataDirectory, "freegpuportal.db");

    public string LogTail
    {
        get
        {
            var text = _portal.Log;
            return text.Length > 4000 ? text[^4000..] : text;
        }
    }

    public Task StartAsync() => _portal.StartAsync();

    /// <summary>An admin made with the portal's own command (<c>admin create</c>), the password on standard input.</summary>
    public async Task CreateAdminAsync(string email, string password)
    {
        var (exitCode, output) = await _portal.RunCommandAsync(password, "admin", "create", "--email", email);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"admin create failed ({exitCode}): {output}");
        }
    }

    /// <summary>A client that accepts the run's self-signed certificate, with bounded connection reuse.</summary>
    public HttpClient NewHttpClient(int maxConnections = 64) => new(new SocketsHttpHandler
    {
        SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        AllowAutoRedirect = false,
        UseCookies = false,
        MaxConnectionsPerServer = maxConnections,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    })
    {
        BaseAddress = new Uri(BaseUrl),
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>
    /// A resident-memory figure of the portal's process from /proc/PID/status: <c>VmRSS</c> in all, or a part of it —
    /// <c>RssAnon</c> (the GC heap and native allocations), <c>RssFile</c> (mapped assemblies and libraries),
    /// <c>RssShmem</c> (the runtime maps the JIT's executable code through shared memory).
    /// </summary>
    public long ResidentBytes(string field = "VmRSS")
    {
        foreach (var line in File.ReadLines($"/proc/{ProcessId}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    /// <summary>Stops the portal as a service manager does (SIGTERM) and returns its exit code, or null if it had to be killed.</summary>
    public Task<int?> StopAsync(TimeSpan grace) => _portal.StopAsync(grace);

    public ValueTask DisposeAsync() => _portal.DisposeAsync();
}
