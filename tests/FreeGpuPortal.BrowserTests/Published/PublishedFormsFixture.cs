using System.Text.RegularExpressions;

using FreeGpuPortal.Web.Data;

using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace FreeGpuPortal.BrowserTests.Published;

/// <summary>
/// The published portal for the tests that submit forms twice, reload them and submit them from stale tabs: a server
/// of its own (so their saves never change what other published tests read), with the report limit raised so that a
/// run's many saves are not refused by it (the limit has tests of its own). Admins sign in with a second factor.
/// </summary>
public sealed class PublishedFormsFixture() : PublishedPortalFixture(new Dictionary<string, string>
{
    ["RateLimits__ReportSubmit__Permits"] = "1000",
})
{
    public const string Password = "a kettle on the hob";
    public const string AdminEmail = "forms-admin@example.org";
    public const string SecondAdminEmail = "second-forms-admin@example.org";
    private readonly SemaphoreSlim _enrolment = new(1, 1);
    private readonly Dictionary<string, string> _sharedKeys = new(StringComparer.Ordinal);

    /// <summary>
    /// Signs <paramref name="page"/>'s browser context in as the admin <paramref name="email"/> with password and TOTP,
    /// creating the account and its authenticator on first use; ends on /admin with the page interactive.
    /// </summary>
    public async Task SignInAdminAsync(IPage page, string email)
    {
        await _enrolment.WaitAsync();
        try
        {
            if (_sharedKeys.TryGetValue(email, out var key))
            {
                await SignInWithTwoFactorAsync(page, email, Password, key);
            }
            else
            {
                _sharedKeys[email] = await CreateAdminAndSignInWithTwoFactorAsync(page, email, Password);
            }
        }
        finally
        {
            _enrolment.Release();
        }

        await WaitUntilInteractiveAsync(page);
    }

    /// <summary>An interactive admin page first arrives as inert HTML; its shell says when the circuit is live.</summary>
    public static Task WaitUntilInteractiveAsync(IPage page) =>
        page.Locator(".admin-shell[data-interactive=true]").WaitForAsync(new() { Timeout = 20_000 });

    /// <summary>Opens an admin edit page and waits until its form is interactive.</summary>
    public static async Task OpenEditAsync(IPage page, string slug, string section)
    {
        await page.GotoAsync($"/admin/platforms/{slug}/edit?section={section}");
        await WaitUntilInteractiveAsync(page);
        await page.Locator("[data-testid=platform-form]").WaitForAsync();
    }

    /// <summary>The server's catalog database, read as it is now (the count of reports, changes, platforms).</summary>
    public async Task<T> ReadCatalogAsync<T>(Func<CatalogDbContext, Task<T>> read)
    {
        var options = new DbContextOptionsBuilder<CatalogDbContext>()
            .UseSqlite($"Data Source={Path.Combine(DataDirectory, FreeGpuPortal.Web.Data.DataDirectory.DefaultDatabaseFile)};Mode=ReadOnly;Pooling=False")
            .Options;
        await using var db = new CatalogDbContext(options);
        return await read(db);
    }

    /// <summary>A value as the public API serves it, e.g. <c>("kaggle", "idleTimeoutMinutes.min")</c>: what visitors see.</summary>
    public async Task<string> PublicValueAsync(string slug, string path)
    {
        using var client = NewHttpClient();
        var json = await client.GetStringAsync($"/api/v1/platforms/{slug}");
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var element = document.RootElement;
        foreach (var property in path.Split('.'))
        {
            element = element.GetProperty(property);
        }

        return element.ToString();
    }

    /// <summary>A test paste from tests/fixtures/hardware-reports, with Unix line ends.</summary>
    public static string ReportPaste(string relativePath)
    {
        var path = Path.Combine(PublishedBuild.RepositoryRoot(), "tests", "fixtures", "hardware-reports", relativePath);
        return File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>Opens the report form for <paramref name="slug"/>, pastes, and checks: the form then offers Save.</summary>
    public static async Task CheckedReportAsync(IPage page, string slug, string paste)
    {
        await page.GotoAsync($"/platforms/{slug}/report");
        await page.Locator("#report-text").FillAsync(paste);
        await page.Locator("[data-testid=report-check]").ClickAsync();
        await page.Locator("[data-testid=report-save]").WaitForAsync();
    }

    /// <summary>Saves a checked report form and waits for the thank-you page.</summary>
    public static async Task SaveReportAsync(IPage page, string slug)
    {
        await page.Locator("[data-testid=report-save]").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/platforms/{slug}/report/thanks$"));
    }
}

[CollectionDefinition(Name)]
public sealed class PublishedFormsCollection : ICollectionFixture<PublishedFormsFixture>
{
    public const string Name = "published forms";
}
