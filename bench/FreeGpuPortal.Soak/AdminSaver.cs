using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

using FreeGpuPortal.Testing;

using Microsoft.Playwright;

namespace FreeGpuPortal.Soak;

/// <summary>
/// An admin in Chromium: created with the portal's command line, signed in with password and authenticator code (as
/// Production requires), then saving an edit on the interactive edit page every few seconds: the idle timeout of one
/// platform goes back and forth, with a note that names the save, so the history can be checked against the saves.
/// </summary>
public sealed partial class AdminSaver(PortalServer server, LatencyRecorder recorder, Stopwatch clock) : IAsyncDisposable
{
    public const string NotePrefix = "Soak save ";
    private const string Email = "soak-admin@example.org";
    private const string Password = "a long soak over quiet water";
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage? _page;

    /// <summary>The history ids the page reported after each confirmed save (<c>?saved=ID</c>).</summary>
    public List<int> SavedChangeIds { get; } = [];

    public int FailedSaves { get; private set; }

    public async Task SignInAsync()
    {
        await server.CreateAdminAsync(Email, Password);
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
        var context = await _browser.NewContextAsync(Chromium.ContextOptions(server.BaseUrl));
        _page = await context.NewPageAsync();
        _page.SetDefaultTimeout(30_000);

        // Set up the authenticator on the account page, then sign in again with password and code.
        await _page.GotoAsync("/Account/Login?ReturnUrl=%2FAccount%2FManage%2FEnableAuthenticator");
        await FillSignInAsync(_page);
        await _page.WaitForURLAsync(EnableAuthenticatorUrl());
        var sharedKey = (await _page.Locator("[data-shared-key]").InnerTextAsync()).Trim();
        await _page.Locator("input[name='Input.Code']").FillAsync(Totp.Code(sharedKey, DateTimeOffset.UtcNow));
        await _page.Locator("input[name='Input.Code']").PressAsync("Enter");
        await _page.Locator("code.recovery-code").First.WaitForAsync();
        await context.ClearCookiesAsync();

        await _page.GotoAsync("/Account/Login?ReturnUrl=%2Fadmin");
        await FillSignInAsync(_page);
        await _page.WaitForURLAsync(SecondFactorUrl());
        await _page.Locator("input[name='Input.TwoFactorCode']").FillAsync(Totp.Code(sharedKey, DateTimeOffset.UtcNow));
        await _page.Locator("input[name='Input.TwoFactorCode']").PressAsync("Enter");
        await _page.WaitForURLAsync(AdminUrl());
    }

    /// <summary>One save every <paramref name="interval"/> until <paramref name="stop"/>; a failed save is counted, not fatal.</summary>
    public async Task RunAsync(string slug, TimeSpan interval, CancellationToken stop)
    {
        var page = _page ?? throw new InvalidOperationException("Sign in first.");
        for (var save = 1; !stop.IsCancellationRequested; save++)
        {
            var next = clock.Elapsed + interval;
            try
            {
                await SaveAsync(page, slug, save);
            }
            catch (Exception exception) when (exception is PlaywrightException or TimeoutException)
            {
                FailedSaves++;
                Console.Error.WriteLine($"save {save} failed: {string.Join(" / ", exception.Message.Split('\n').Take(4))}");
            }

            var wait = next - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    private async Task SaveAsync(IPage page, string slug, int save)
    {
        var watch = Stopwatch.StartNew();
        await page.GotoAsync($"/admin/platforms/{slug}/edit?section=IdleTimeoutMinutes");
        await page.Locator(".admin-shell[data-interactive=true]").WaitForAsync();
        var minutes = (save % 2 == 0 ? 30 : 31).ToString(CultureInfo.InvariantCulture);
        await page.GetByLabel("Idle timeout (min) – minimum").FillAsync(minutes);
        await page.Keyboard.PressAsync("Tab");
        await page.GetByLabel("Idle timeout (min) – maximum").FillAsync(minutes);
        await page.Keyboard.PressAsync("Tab");
        await page.GetByLabel("Note on how it was verified").FillAsync(NotePrefix + save.ToString(CultureInfo.InvariantCulture));
        await page.Keyboard.PressAsync("Tab");
        await page.Locator("[data-testid=save]").ClickAsync();
        await page.WaitForURLAsync(SavedUrl());
        await page.Locator("[data-testid=saved-message]").WaitForAsync();
        var id = int.Parse(SavedUrl().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
        SavedChangeIds.Add(id);
        recorder.Record(RequestKind.AdminSave, clock.Elapsed.TotalSeconds, watch.Elapsed.TotalMilliseconds, 200);
    }

    private static async Task FillSignInAsync(IPage page)
    {
        await page.Locator("input[name='Input.Email']").FillAsync(Email);
        await page.Locator("input[name='Input.Password']").FillAsync(Password);
        await page.Locator("input[name='Input.Password']").PressAsync("Enter");
    }

    [GeneratedRegex("/Account/Manage/EnableAuthenticator")]
    private static partial Regex EnableAuthenticatorUrl();

    [GeneratedRegex("/Account/LoginWith2fa")]
    private static partial Regex SecondFactorUrl();

    [GeneratedRegex("/admin$")]
    private static partial Regex AdminUrl();

    [GeneratedRegex(@"/history\?saved=(\d+)$")]
    private static partial Regex SavedUrl();

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
