using System.Text.RegularExpressions;

using Deque.AxeCore.Playwright;

using Microsoft.Playwright;

namespace FreeGpuPortal.BrowserTests;

/// <summary>
/// One look across the public pages, the admin area and the account pages, light and dark, desktop and phone: the
/// screenshots in docs/screenshots come from here, and the shared parts (heading, buttons, header) are compared by their
/// computed styles, so a page that drifts back to a look of its own fails.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LookBrowserTests(BrowserFixture fixture)
{
    private const string Email = "looks-admin@example.org";
    private const string Password = "a lantern by the sea";

    public static TheoryData<int, ColorScheme> Shapes => new()
    {
        { 1400, ColorScheme.Light },
        { 1400, ColorScheme.Dark },
        { 375, ColorScheme.Light },
        { 375, ColorScheme.Dark },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Public_admin_and_account_pages_share_one_look(int width, ColorScheme scheme)
    {
        var (exitCode, output) = await fixture.RunPortalCommandAsync(Password, "admin", "create", "--email", Email);
        Assert.True(exitCode == 0 || output.Contains("exists already", StringComparison.Ordinal), output);
        var page = await fixture.NewPageAsync(width, width > 600 ? 900 : 812, scheme);
        var shape = $"{(width > 600 ? "desktop" : "phone")}-{(scheme == ColorScheme.Dark ? "dark" : "light")}";

        var looks = new Dictionary<string, Look>();

        await page.GotoAsync("/");
        looks["/"] = await LookAsync(page, "#apply-filters, .apply-filters, .compare-submit");
        await ShotAsync(page, $"look-home-{shape}.png");

        await page.GotoAsync("/platforms/colab");
        looks["/platforms/colab"] = await LookAsync(page, null);
        await ShotAsync(page, $"look-platform-{shape}.png");

        await page.GotoAsync("/platforms/colab/suggest?field=ramGb");
        looks["/platforms/colab/suggest"] = await LookAsync(page, null);
        // Every field a visitor fills in shows its box, whatever the input's type (InputText renders none).
        foreach (var field in new[] { "suggest-field", "suggest-from", "suggest-to", "suggest-evidence", "suggest-note" })
        {
            var border = await page.Locator($"[data-testid={field}]").EvaluateAsync<string>(
                "e => getComputedStyle(e).borderTopStyle + ' ' + getComputedStyle(e).borderTopWidth");
            Assert.True(border.StartsWith("solid", StringComparison.Ordinal) && border != "solid 0px", $"{field}: border {border}");
        }

        await AssertNoSeriousAxeViolationsAsync(page);
        await ShotAsync(page, $"look-suggest-{shape}.png");

        await page.GotoAsync("/Account/Login");
        looks["/Account/Login"] = await LookAsync(page, "button[type=submit].btn-primary");
        await AssertHeaderAsync(page);
        await AssertNoSeriousAxeViolationsAsync(page);
        await ShotAsync(page, $"look-login-{shape}.png");

        await page.GetByLabel("Email").FillAsync(Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/$"));

        await page.GotoAsync("/admin");
        await page.Locator(".admin-shell[data-interactive=true]").WaitForAsync(new() { Timeout = 20_000 });
        looks["/admin"] = await LookAsync(page, "[data-testid=new-platform]");
        await AssertHeaderAsync(page);
        await AssertNoSeriousAxeViolationsAsync(page);
        await ShotAsync(page, $"look-admin-{shape}.png");

        await page.GotoAsync("/Account/Manage");
        looks["/Account/Manage"] = await LookAsync(page, null);
        await AssertHeaderAsync(page);
        Assert.True(await page.Locator("[data-testid=admin-nav] [data-testid=sign-out]").IsVisibleAsync(), "sign-out on the account page");
        await AssertNoSeriousAxeViolationsAsync(page);
        await ShotAsync(page, $"look-account-{shape}.png");

        await page.GotoAsync("/Account/Manage/EnableAuthenticator");
        Assert.True(await page.Locator("[data-testid=authenticator-qr] svg").IsVisibleAsync(), "the QR code is drawn");
        Assert.Matches("^[a-z0-9 ]{20,}$", (await page.Locator("[data-shared-key]").InnerTextAsync()).Trim());
        await AssertNoSeriousAxeViolationsAsync(page);
        await ShotAsync(page, $"look-authenticator-{shape}.png");

        // One design language: the same heading, body text and surfaces everywhere; the same buttons on static and
        // interactive pages.
        var home = looks["/"];
        foreach (var (path, look) in looks)
        {
            Assert.True(home.Heading == look.Heading, $"{path}: heading {look.Heading} vs {home.Heading}");
            Assert.True(home.Body == look.Body, $"{path}: body {look.Body} vs {home.Body}");
            Assert.True(home.Header == look.Header, $"{path}: header {look.Header} vs {home.Header}");
        }

        var adminButton = looks["/admin"].Button!;
        Assert.Equal(adminButton, looks["/Account/Login"].Button);
        Assert.DoesNotContain("uppercase", adminButton);
    }

    private static async Task ShotAsync(IPage page, string fileName) =>
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath(fileName), FullPage = false });

    private static async Task AssertHeaderAsync(IPage page)
    {
        Assert.True(await page.Locator("header.app-bar a.brand").IsVisibleAsync(), page.Url + ": the site's header");
        Assert.True(await page.Locator("header.app-bar [data-theme-toggle]").IsVisibleAsync(), page.Url + ": the theme toggle");
    }

    private static async Task AssertNoSeriousAxeViolationsAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => !document.querySelector('.mud-snackbar')", null, new() { Timeout = 20_000 });
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, page.Url + ": " + string.Join("\n", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")));
    }

    private sealed record Look(string Heading, string Body, string Header, string? Button);

    private static async Task<Look> LookAsync(IPage page, string? buttonSelector)
    {
        const string style = """
            (selector) => {
                const pick = (el, names) => el ? names.map(n => n + '=' + getComputedStyle(el)[n]).join('; ') : null;
                const button = selector ? document.querySelector(selector) : null;
                return [
                    pick(document.querySelector('main h1'), ['fontFamily', 'fontSize', 'fontWeight', 'color']),
                    pick(document.body, ['fontFamily', 'fontSize', 'lineHeight', 'color', 'backgroundColor']),
                    pick(document.querySelector('header.app-bar'), ['backgroundColor', 'color', 'height']),
                    pick(button, ['fontFamily', 'fontSize', 'fontWeight', 'textTransform', 'letterSpacing', 'borderRadius',
                        'backgroundColor', 'color', 'paddingTop', 'paddingLeft']),
                ];
            }
            """;
        var values = await page.EvaluateAsync<string?[]>(style, buttonSelector);
        return new Look(values[0] ?? "no h1", values[1]!, values[2] ?? "no header", values[3]);
    }
}
