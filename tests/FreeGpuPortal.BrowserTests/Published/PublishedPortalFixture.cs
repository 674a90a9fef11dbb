using System.Diagnostics;

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
    private readonly Dictionary<string, string> _settings;
    private PublishedPortal? _server;
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
    public string BaseUrl => Server.BaseUrl;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "freegpuportal-published-run", Guid.NewGuid().ToString("N"));

    public string PublishedFolder => Server.PublishedFolder;

    /// <summary>The server's process, e.g. to send it a signal as a service manager would.</summary>
    public Process ServerProcess => Server.Process;

    /// <summary>What the server wrote to its console so far: attach it to a failing assertion.</summary>
    public string ServerLog => Server.Log;

    private PublishedPortal Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync()
    {
        _server = new PublishedPortal(await PublishedBuild.FolderAsync(), DataDirectory, _settings);
        await _server.StartAsync();
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
        (_browser ?? throw new InvalidOperationException("The browser has not started.")).NewContextAsync(
            Chromium.ContextOptions(BaseUrl, width, height, colorScheme));

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
        Server.RunCommandAsync(standardInput, arguments);

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

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        PortalHost.DeleteDataDirectory(DataDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class PublishedPortalCollection : ICollectionFixture<PublishedPortalFixture>
{
    public const string Name = "published portal";
}
