using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace FreeGpuPortal.Soak;

/// <summary>
/// The published portal in Production over HTTPS (a self-signed certificate made for the run) on 127.0.0.1 and a free
/// port, in a process of its own on a fresh data directory, as an operator runs it. Only the limits a load test must
/// lift are changed: the per-address API and parser rate limits (every request comes from 127.0.0.1), the sign-in
/// limit, and the scheduled link check (the soak never leaves loopback).
/// </summary>
public sealed class PortalServer : IAsyncDisposable
{
    private const string CertificatePassword = "soak-only-certificate";
    private readonly string _publishedFolder;
    private readonly StringBuilder _log = new();
    private Process? _process;

    public PortalServer(string publishedFolder, string dataDirectory)
    {
        _publishedFolder = publishedFolder;
        DataDirectory = dataDirectory;
    }

    public string DataDirectory { get; }

    public string BaseUrl { get; private set; } = "";

    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("Not started.");

    public string DatabasePath => Path.Combine(DataDirectory, "freegpuportal.db");

    public string LogTail
    {
        get
        {
            lock (_log)
            {
                var text = _log.ToString();
                return text.Length > 4000 ? text[^4000..] : text;
            }
        }
    }

    public async Task StartAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        var certificate = Path.Combine(DataDirectory, "soak-certificate.pfx");
        await File.WriteAllBytesAsync(certificate, SelfSignedCertificate());
        BaseUrl = $"https://127.0.0.1:{FreeLoopbackPort()}";
        var start = PortalProcess();
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl);
        start.Environment["Kestrel__Certificates__Default__Path"] = certificate;
        start.Environment["Kestrel__Certificates__Default__Password"] = CertificatePassword;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var client = NewHttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited ({_process.ExitCode}):\n{LogTail}");
            }

            try
            {
                using var response = await client.GetAsync("/healthz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The portal did not become healthy within 90 s:\n{LogTail}");
    }

    /// <summary>An admin made with the portal's own command (<c>admin create</c>), the password on standard input.</summary>
    public async Task CreateAdminAsync(string email, string password)
    {
        var start = PortalProcess();
        start.RedirectStandardInput = true;
        foreach (var argument in new[] { "admin", "create", "--email", email })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(password);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"admin create failed ({process.ExitCode}): {await output}{await error}");
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

    /// <summary>Resident set size of the portal's process, from /proc.</summary>
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
    public async Task<int?> StopAsync(TimeSpan grace)
    {
        if (_process is null || _process.HasExited)
        {
            return _process?.ExitCode;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    private ProcessStartInfo PortalProcess()
    {
        // Started from its own folder: that folder is the content root.
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _publishedFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(_publishedFolder, "FreeGpuPortal.Web.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Storage__DataDirectory"] = DataDirectory;
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        start.Environment["RateLimits__SignIn__PermitPerMinute"] = "1000";
        start.Environment["RateLimits__Api__PermitPerMinute"] = "1000000";
        start.Environment["RateLimits__HardwareReportParse__PermitPerMinute"] = "1000000";
        start.Environment["LinkCheck__Schedule"] = "off";
        return start;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
            if (_log.Length > 200_000)
            {
                _log.Remove(0, 100_000);
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static byte[] SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
        return certificate.Export(X509ContentType.Pfx, CertificatePassword);
    }
}
