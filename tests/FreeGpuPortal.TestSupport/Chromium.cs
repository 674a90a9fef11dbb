using Microsoft.Playwright;

namespace FreeGpuPortal.Testing;

/// <summary>
/// Debian's Chromium, started the one way every browser test and the soak bench start it (browsers are not downloaded:
/// set PORTAL_CHROMIUM to use another executable), and the browser context they open on a portal.
/// </summary>
public static class Chromium
{
    public const string ExecutableVariable = "PORTAL_CHROMIUM";

    public static BrowserTypeLaunchOptions LaunchOptions() => new()
    {
        ExecutablePath = Environment.GetEnvironmentVariable(ExecutableVariable) ?? "/usr/bin/chromium",
        Headless = true,

        // Without the background-networking flags Chromium floods the closed network with refused connections.
        Args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic",
        ],
    };

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(LaunchOptions());

    /// <summary>
    /// A desktop-sized, light, British-English context on <paramref name="baseUrl"/>; one over HTTPS accepts the run's
    /// self-signed certificate.
    /// </summary>
    public static BrowserNewContextOptions ContextOptions(
        string baseUrl, int width = 1400, int height = 1000, ColorScheme colorScheme = ColorScheme.Light)
    {
        return new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            IgnoreHTTPSErrors = baseUrl.StartsWith("https:", StringComparison.Ordinal),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = colorScheme,
            Locale = "en-GB",
        };
    }
}
