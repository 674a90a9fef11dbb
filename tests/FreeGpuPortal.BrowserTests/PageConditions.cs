using Microsoft.Playwright;

namespace FreeGpuPortal.BrowserTests;

public static class PageConditions
{
    /// <summary>
    /// How long a condition may take to come true. The full test run shares two cores between the browser tests and
    /// the SQLite integration tests, where a page that answers in 100 ms alone has been seen to take 10 s.
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Polls a condition in the page. Playwright's WaitForFunction evaluates a string inside the page, which the
    /// portal's Content-Security-Policy (rightly) refuses.
    /// </summary>
    public static async Task WaitUntilAsync(IPage page, string condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await page.EvaluateAsync<bool>(condition))
        {
            Assert.True(DateTime.UtcNow < deadline, $"still not true after {Patience.TotalSeconds} s: {condition}");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Collects every answer of 500 or above the page receives: there must be none. (The browser also logs such an
    /// answer to a page or script as a console error, which fails the test by itself; this names the request.)
    /// </summary>
    public static List<string> ServerErrors(IPage page)
    {
        var errors = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 500)
            {
                lock (errors)
                {
                    errors.Add($"{response.Status} {response.Request.Method} {response.Url}");
                }
            }
        };
        return errors;
    }

    /// <summary>portal.js marks the page once it has wired up the filters, so clicks are not lost before that.</summary>
    public static Task WaitUntilEnhancedAsync(IPage page) => page.Locator("html[data-enhanced]").WaitForAsync(
        new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>The comparison table's platforms, top to bottom, by slug.</summary>
    public static async Task<string[]> RowsAsync(IPage page) =>
        [.. await page.Locator("tr[data-platform]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.platform)")];

    /// <summary>Waits up to <see cref="Patience"/> for the table to hold exactly <paramref name="expected"/>, in that order.</summary>
    public static async Task ExpectRowsAsync(IPage page, params string[] expected)
    {
        var deadline = DateTime.UtcNow + Patience;
        string[] rows;
        do
        {
            try
            {
                rows = await RowsAsync(page);
            }
            catch (PlaywrightException) when (DateTime.UtcNow < deadline)
            {
                // Going back to an entry of a document that was reloaded since is a full page load: read again.
                rows = [];
            }

            if (rows.SequenceEqual(expected))
            {
                return;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Equal(expected, rows);
    }
}
