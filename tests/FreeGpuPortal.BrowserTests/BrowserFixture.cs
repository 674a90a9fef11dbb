using Microsoft.Playwright;

namespace FreeGpuPortal.BrowserTests;

/// <summary>
/// The real app on Kestrel (a real port, its own data directory and database) and a real Chromium
/// (<see cref="TestBrowser"/>).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly PortalHost _server = PortalHost.For(ServerOptions);
    private TestBrowser? _browser;

    /// <summary>How every in-process browser server runs the app: Development, admins signing in by password only.</summary>
    public static PortalHostOptions ServerOptions { get; } =
        PortalHostOptions.Default.WithSettings(new Dictionary<string, string> { ["Admin:RequireTwoFactor"] = "false" });

    public string BaseUrl { get; private set; } = "";

    /// <summary>The running portal's services, for a test that sets up catalog data the way an admin's save would.</summary>
    public IServiceProvider Services => _server.Services;

    /// <summary>
    /// Runs the portal's own command line, as an operator would (`FreeGpuPortal.Web admin create --email …`), against
    /// the running server's data directory, with the password on standard input.
    /// </summary>
    public async Task<(int ExitCode, string Output)> RunPortalCommandAsync(string standardInput, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "FreeGpuPortal.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Storage__DataDirectory"] = _server.DataDirectory;
        foreach (var (key, value) in _server.Database.Settings())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["Serilog__File__Enabled"] = "false";
        using var process = System.Diagnostics.Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(standardInput);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    public async Task InitializeAsync()
    {
        _server.UseKestrel(0);
        _server.StartServer();
        BaseUrl = _server.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        _browser = await TestBrowser.LaunchAsync();
    }

    public async Task<IPage> NewPageAsync(
        int width = 1400, int height = 1000, ColorScheme colorScheme = ColorScheme.Light, string locale = "en-GB")
    {
        var options = Chromium.ContextOptions(BaseUrl, width, height, colorScheme);
        options.Locale = locale;
        var context = await NewContextAsync(options);
        return await context.NewPageAsync();
    }

    /// <summary>A context with options of the test's own (no script, another device), watched for errors like every other.</summary>
    public Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options) =>
        (_browser ?? throw new InvalidOperationException("The browser has not started.")).NewContextAsync(options);

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        await _server.DisposeAsync();
    }

    /// <summary>Where screenshots for the docs go: docs/screenshots at the repository root.</summary>
    public static string ScreenshotPath(string fileName)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FreeGpuPortal.sln")))
        {
            directory = directory.Parent;
        }

        var screenshots = Path.Combine(directory?.FullName ?? Path.GetTempPath(), "docs", "screenshots");
        Directory.CreateDirectory(screenshots);
        return Path.Combine(screenshots, fileName);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
