using FreeGpuPortal.Web.Accounts;

using Microsoft.Playwright;

namespace FreeGpuPortal.BrowserTests;

/// <summary>
/// The Content-Security-Policy measured in Chromium: the public pages, the sign-in page (with the passkey module) and
/// an interactive admin page (the circuit's WebSocket, MudBlazor's components) load and work with no report of a
/// refused script, style, connection or image.
/// </summary>
public sealed class SecurityHeadersBrowserTests : IAsyncLifetime
{
    private const string AdminEmail = "csp-admin@example.org";
    private const string AdminPassword = "correct horse battery staple";

    private readonly PortalHost _server = PortalHost.For(BrowserFixture.ServerOptions);
    private TestBrowser? _browser;

    public async Task InitializeAsync()
    {
        _server.UseKestrel(0);
        _server.StartServer();
        var code = await AdminCommand.RunAsync(
            _server.Services, ["admin", "create", "--email", AdminEmail], new StringReader(AdminPassword + "\n"), TextWriter.Null, TextWriter.Null);
        Assert.Equal(0, code);

        _browser = await TestBrowser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        await _server.DisposeAsync();
    }

    private async Task<(IPage Page, List<string> Violations)> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(Chromium.ContextOptions(_server.ClientOptions.BaseAddress.ToString().TrimEnd('/')));
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
                || message.Text.Contains("Refused to", StringComparison.Ordinal))
            {
                lock (violations)
                {
                    violations.Add($"{page.Url}: {message.Text}");
                }
            }
        };
        // Also the violation events themselves, which report what the console may word differently.
        await page.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
                console.error('Refused to load (Content Security Policy): ' + e.violatedDirective + ' ' + e.blockedURI));
            """);
        return (page, violations);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/platforms/colab")]
    [InlineData("/Account/Login")]
    [InlineData("/api")]
    [InlineData("/status")]
    public async Task Public_pages_load_without_any_policy_violation(string path)
    {
        var (page, violations) = await NewPageAsync();

        var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.Equal(200, response!.Status);
        Assert.Contains("frame-ancestors 'none'", await response.HeaderValueAsync("content-security-policy"));
        await page.WaitForTimeoutAsync(300);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task The_dataset_json_ld_is_read_as_data_and_breaks_no_policy()
    {
        var (page, violations) = await NewPageAsync();

        await page.GotoAsync("/", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        var type = await page.EvaluateAsync<string>(
            "() => JSON.parse(document.querySelector('head script[type=\"application/ld+json\"]').textContent)['@type']");
        Assert.Equal("Dataset", type);
        await page.WaitForTimeoutAsync(300);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task The_interactive_admins_page_connects_and_works_without_any_policy_violation()
    {
        var (page, violations) = await NewPageAsync();
        await page.GotoAsync("/Account/Login?ReturnUrl=%2Fadmin%2Fadmins");
        await page.FillAsync("#Input\\.Email", AdminEmail);
        await page.FillAsync("#Input\\.Password", AdminPassword);
        await page.ClickAsync("button[type=submit].btn-primary");
        await page.WaitForURLAsync("**/admin/admins");

        // The circuit is up: the WebSocket was allowed.
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await page.FillAsync("#new-admin-email", "csp-second@example.org");
        await page.FillAsync("#new-admin-password", "another long pass phrase");
        await page.ClickAsync("[data-testid=add-admin]");
        await page.Locator("[data-testid=admins-message]").Filter(new LocatorFilterOptions { HasText = "csp-second@example.org is now an admin" })
            .WaitForAsync();
        await page.Locator("tr[data-admin='csp-second@example.org']").WaitForAsync();

        // The last-admin rule, through the page: remove the second admin, then try to remove oneself.
        await page.Locator("tr[data-admin='csp-second@example.org'] [data-testid=remove-admin]").ClickAsync();
        await page.Locator("tr[data-admin='csp-second@example.org'] [data-testid=confirm-remove]").ClickAsync();
        await page.Locator("tr[data-admin='csp-second@example.org']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        await page.Locator($"tr[data-admin='{AdminEmail}'] [data-testid=remove-admin]").ClickAsync();
        await page.Locator($"tr[data-admin='{AdminEmail}'] [data-testid=confirm-remove]").ClickAsync();
        await page.Locator("[data-testid=admins-message]").Filter(new LocatorFilterOptions { HasText = "last admin" }).WaitForAsync();

        await page.WaitForTimeoutAsync(300);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
