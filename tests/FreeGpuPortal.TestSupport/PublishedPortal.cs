using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace FreeGpuPortal.Testing;

/// <summary>
/// The published build (the output of <c>dotnet publish</c>) run as an operator runs it: a process of its own started
/// from its folder (the content root), in Production, on a data directory of its own, serving HTTPS on 127.0.0.1 and
/// a free port with a self-signed certificate made for the run. Used by the browser tests of the published build and
/// by the soak bench, so both meet the same start.
/// </summary>
public sealed class PublishedPortal : IAsyncDisposable
{
    private const string CertificatePassword = "test-only-certificate";

    // Enough for every line of a test's run at Warning; the oldest half goes once a long soak has written more.
    private const int MaxLogLength = 1_000_000;

    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly StringBuilder _log = new();
    private Process? _process;

    /// <param name="settings">
    /// Configuration of the run's own, applied after <see cref="StartInfo(string, string, IReadOnlyDictionary{string, string})"/>'s:
    /// keys as in appsettings.json (<c>Section:Key</c>) or as environment variables (<c>Section__Key</c>).
    /// </param>
    public PublishedPortal(string publishedFolder, string dataDirectory, IReadOnlyDictionary<string, string>? settings = null)
    {
        PublishedFolder = publishedFolder;
        DataDirectory = dataDirectory;
        _settings = settings ?? new Dictionary<string, string>();
    }

    public string PublishedFolder { get; }

    public string DataDirectory { get; }

    /// <summary>The server's address, <c>https://127.0.0.1:PORT</c>, without a trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The server's process, e.g. to send it a signal as a service manager would.</summary>
    public Process Process => _process ?? throw new InvalidOperationException("The published portal has not started.");

    /// <summary>What the server wrote to its console so far: attach it to a failing assertion.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>
    /// The process settings of the published build in Production on <paramref name="dataDirectory"/>, without
    /// arguments: the server adds <c>--urls</c>, a command adds its own (<c>admin create …</c>).
    /// </summary>
    public static ProcessStartInfo StartInfo(string publishedFolder, string dataDirectory, IReadOnlyDictionary<string, string> settings)
    {
        // Started from its own folder, as the deployment docs say: that folder is the content root.
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = publishedFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(publishedFolder, "FreeGpuPortal.Web.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Storage__DataDirectory"] = dataDirectory;
        start.Environment["Serilog__File__Enabled"] = "false";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";

        // Tests and the soak sign in far more often than a person does; the limit itself has its own tests.
        start.Environment["RateLimits__SignIn__PermitPerMinute"] = "1000";

        // Nothing here reaches beyond loopback: the scheduled check of the catalog's source links stays off.
        start.Environment["LinkCheck__Schedule"] = "off";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return start;
    }

    /// <summary>This server's process settings, for its own command line on its data directory.</summary>
    public ProcessStartInfo StartInfo() => StartInfo(PublishedFolder, DataDirectory, _settings);

    /// <summary>Starts the server over HTTPS and waits until it answers /healthz (at most 3 minutes, for a loaded machine).</summary>
    public async Task StartAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        var certificatePath = Path.Combine(DataDirectory, "test-certificate.pfx");
        using (var certificate = SelfSignedCertificate.Create())
        {
            await File.WriteAllBytesAsync(certificatePath, certificate.Export(X509ContentType.Pfx, CertificatePassword));
        }

        BaseUrl = $"https://127.0.0.1:{LoopbackPort.Free()}";
        var start = StartInfo();
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl);
        start.Environment["Kestrel__Certificates__Default__Path"] = certificatePath;
        start.Environment["Kestrel__Certificates__Default__Password"] = CertificatePassword;
        _process = Process.Start(start) ?? throw new InvalidOperationException("The published portal did not start.");
        _process.OutputDataReceived += (_, e) => AppendLog(e.Data);
        _process.ErrorDataReceived += (_, e) => AppendLog(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilHealthyAsync(TimeSpan.FromMinutes(3));
    }

    /// <summary>
    /// Runs the portal's own command line against this server's data directory, as an operator would
    /// (<c>FreeGpuPortal.Web admin create --email …</c>), with <paramref name="standardInput"/> on standard input.
    /// </summary>
    public Task<(int ExitCode, string Output)> RunCommandAsync(string standardInput, params string[] arguments) =>
        PortalCommandLine.RunAsync(StartInfo(), standardInput, arguments);

    /// <summary>Stops the server as a service manager does (SIGTERM); returns its exit code, or null if it had to be killed.</summary>
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

    private async Task WaitUntilHealthyAsync(TimeSpan patience)
    {
        using var client = new HttpClient(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        })
        {
            BaseAddress = new Uri(BaseUrl),
        };
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline)
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"The published portal exited ({Process.ExitCode}):\n{Log}");
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

            await Task.Delay(250);
        }

        throw new TimeoutException($"The published portal did not become healthy within {patience.TotalSeconds:0} s:\n{Log}");
    }

    private void AppendLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
            if (_log.Length > MaxLogLength)
            {
                _log.Remove(0, MaxLogLength / 2);
            }
        }
    }
}

/// <summary>A certificate for TLS on loopback, made for one run: localhost and 127.0.0.1, valid for a week.</summary>
public static class SelfSignedCertificate
{
    public static X509Certificate2 Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
    }
}

public static class LoopbackPort
{
    /// <summary>A port on 127.0.0.1 that nothing listens on now (the system's pick).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
