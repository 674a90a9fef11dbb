using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

using Microsoft.Playwright;

namespace FreeGpuPortal.BrowserTests.Published;

/// <summary>
/// The portal as people meet it: the published build, in Production, over HTTPS (a self-signed certificate made
/// for the run), with two-factor sign-in required for the admin area, in a process of its own on a fresh data
/// directory, and a real Chromium. Admins are created with the portal's own command line and sign in with a TOTP code
/// the test computes, as an authenticator app would.
/// </summary>
public class PublishedPortalFixture : IAsyncLifetime
{
    private const string CertificatePassword = "test-only-certificate";
    private readonly StringBuilder _serverLog = new();
    private readonly Dictionary<string, string> _settings;
    private Process? _server;
    private TestBrowser? _browser;

    public PublishedPortalFixture()
        : this(new Dictionary<string, string>())
    {
    }

    /// <summary>For a fixture of its own with other settings: derive, and pass them here.</summary>
    /// <param name="settings">Extra configuration for the server, as environment variables (<c>Section__Key</c>).</param>
    protected PublishedPortalFixture(IReadOnlyDictionary<string, string> settings)
    {
        _settings = new Dictionary<string, string>(settings);
    }

    /// <summary>The server's address, <c>https://127.0.0.1:PORT</c>, without a trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "freegpuportal-published-run", Guid.NewGuid().ToString("N"));

    public string PublishedFolder { get; private set; } = "";

    /// <summary>The server's process, e.g. to send it a signal as a service manager would.</summary>
    public Process ServerProcess => _server ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>What the server wrote to its console so far: attach it to a failing assertion.</summary>
    public string ServerLog
    {
        get
        {
            lock (_serverLog)
            {
                return _serverLog.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        PublishedFolder = await PublishedBuild.FolderAsync();
        Directory.CreateDirectory(DataDirectory);
        var certificatePath = Path.Combine(DataDirectory, "test-certificate.pfx");
        await File.WriteAllBytesAsync(certificatePath, SelfSignedCertificate());

        var port = FreeLoopbackPort();
        BaseUrl = $"https://127.0.0.1:{port}";
        var start = PortalProcess();
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl);
        start.Environment["Kestrel__Certificates__Default__Path"] = certificatePath;
        start.Environment["Kestrel__Certificates__Default__Password"] = CertificatePassword;
        _server = Process.Start(start)!;
        _server.OutputDataReceived += (_, e) => AppendLog(e.Data);
        _server.ErrorDataReceived += (_, e) => AppendLog(e.Data);
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        await WaitUntilHealthyAsync();

        _browser = await TestBrowser.LaunchAsync();
    }

    /// <summary>A fresh browser context (its own cookies), as a new visitor or a second tab of another person.</summary>
    public async Task<IPage> NewPageAsync(int width = 1400, int height = 1000, ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await NewContextAsync(width, height, colorScheme);
        return await context.NewPageAsync();
    }

    /// <summary>A browser context whose pages share cookies: open several pages in it for "two tabs of one admin".</summary>
    public Task<IBrowserContext> NewContextAsync(int width = 1400, int height = 1000, ColorScheme colorScheme = ColorScheme.Light) =>
        (_browser ?? throw new InvalidOperationException("The browser has not started.")).NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            IgnoreHTTPSErrors = true,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = colorScheme,
            Locale = "en-GB",
        });

    /// <summary>An HTTP client for the server that accepts its self-signed certificate and keeps no cookies.</summary>
    public HttpClient NewHttpClient(bool allowAutoRedirect = false)
    {
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
            AllowAutoRedirect = allowAutoRedirect,
            UseCookies = false,
        };
        return new HttpClient(handler) { BaseAddress = new Uri(BaseUrl) };
    }

    /// <summary>
    /// Runs the portal's own command line against the server's data directory, as an operator would
    /// (<c>FreeGpuPortal.Web admin create --email …</c>), with <paramref name="standardInput"/> on standard input.
    /// </summary>
    public Task<(int ExitCode, string Output)> RunPortalCommandAsync(string standardInput, params string[] arguments) =>
        PortalCommandLine.RunAsync(PortalProcess(), standardInput, TimeSpan.FromSeconds(60), arguments);

    /// <summary>Creates an admin with the command line; an admin that exists already is fine.</summary>
    public async Task CreateAdminAsync(string email, string password)
    {
        var (exitCode, output) = await RunPortalCommandAsync(password, "admin", "create", "--email", email);
        if (exitCode != 0 && !output.Contains("exists already", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"admin create failed ({exitCode}): {output}");
        }
    }

    /// <summary>
    /// Creates an admin, sets up an authenticator and signs in again with password and TOTP code, so the page ends on
    /// <c>/admin</c> with a two-factor session (<see cref="TwoFactorSignIn"/>). Returns the shared key for later sign-ins.
    /// </summary>
    public async Task<string> CreateAdminAndSignInWithTwoFactorAsync(IPage page, string email, string password)
    {
        await CreateAdminAsync(email, password);
        return await TwoFactorSignIn.EnableAuthenticatorAndSignInAgainAsync(page, email, password);
    }

    /// <summary>Signs in with password and a TOTP code computed from <paramref name="sharedKey"/>; ends on /admin.</summary>
    public Task SignInWithTwoFactorAsync(IPage page, string email, string password, string sharedKey) =>
        TwoFactorSignIn.SignInAsync(page, email, password, sharedKey);

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        _server?.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on a slow machine: the OS temp cleaner gets it later.
        }
    }

    private ProcessStartInfo PortalProcess()
    {
        // Started from its own folder, as the deployment docs say: that folder is the content root.
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = PublishedFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(PublishedFolder, "FreeGpuPortal.Web.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Storage__DataDirectory"] = DataDirectory;
        start.Environment["Serilog__File__Enabled"] = "false";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";

        // Browser tests sign in far more often than a person does; the limit itself has its own tests.
        start.Environment["RateLimits__SignIn__PermitPerMinute"] = "1000";

        // Tests never reach beyond loopback: the scheduled check of the catalog's source links stays off.
        start.Environment["LinkCheck__Schedule"] = "off";
        foreach (var (key, value) in _settings)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = NewHttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_server!.HasExited)
            {
                throw new InvalidOperationException($"The published portal exited ({_server.ExitCode}):\n{ServerLog}");
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

        throw new TimeoutException($"The published portal did not become healthy within 90 s:\n{ServerLog}");
    }

    private void AppendLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_serverLog)
        {
            _serverLog.AppendLine(line);
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
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        return certificate.Export(X509ContentType.Pfx, CertificatePassword);
    }
}

[CollectionDefinition(Name)]
public sealed class PublishedPortalCollection : ICollectionFixture<PublishedPortalFixture>
{
    public const string Name = "published portal";
}
