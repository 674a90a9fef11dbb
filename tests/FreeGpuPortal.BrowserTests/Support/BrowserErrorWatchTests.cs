namespace FreeGpuPortal.BrowserTests;

/// <summary>
/// The watch that fails every browser test on a browser error sees each kind of error: a console error, an uncaught
/// exception and Blazor's "unhandled error" bar. Each is provoked here on purpose, and so declared.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BrowserErrorWatchTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_console_error_an_uncaught_exception_and_the_unhandled_error_bar_are_each_seen_with_their_page()
    {
        BrowserErrors.Expect("provoked console error");
        BrowserErrors.Expect("provoked uncaught error");
        BrowserErrors.Expect(BrowserErrors.UnhandledErrorBar);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await PageConditions.WaitUntilEnhancedAsync(page);

        await page.EvaluateAsync("() => console.error('provoked console error')");
        await page.EvaluateAsync("() => { setTimeout(() => { throw new Error('provoked uncaught error'); }, 0); }");
        await page.EvaluateAsync("() => { document.getElementById('blazor-error-ui').style.display = 'block'; }");

        var deadline = DateTime.UtcNow + PageConditions.Patience;
        while (BrowserErrors.SeenSoFar.Count < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var seen = BrowserErrors.SeenSoFar;
        Assert.Contains(seen, e => e.StartsWith(fixture.BaseUrl + "/: ", StringComparison.Ordinal) && e.Contains("provoked console error", StringComparison.Ordinal));
        Assert.Contains(seen, e => e.Contains("uncaught: ", StringComparison.Ordinal) && e.Contains("provoked uncaught error", StringComparison.Ordinal));
        Assert.Contains(seen, e => e.Contains(BrowserErrors.UnhandledErrorBar, StringComparison.Ordinal));
    }
}
