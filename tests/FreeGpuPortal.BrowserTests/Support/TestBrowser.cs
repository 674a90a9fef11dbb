using Microsoft.Playwright;

namespace FreeGpuPortal.BrowserTests;

/// <summary>
/// Chromium, started the one way every browser test starts it (<see cref="Chromium"/>). Every context made through <see cref="NewContextAsync"/> is watched by
/// <see cref="BrowserErrors"/>, so a console error, an uncaught page error or Blazor's "unhandled error" bar in any
/// page of a test fails that test.
/// </summary>
public sealed class TestBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private TestBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<TestBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            return new TestBrowser(playwright, await Chromium.LaunchAsync(playwright));
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A fresh context (its own cookies), its pages watched for errors on behalf of the running test.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        var context = await Browser.NewContextAsync(options);
        await BrowserErrors.WatchAsync(context);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
