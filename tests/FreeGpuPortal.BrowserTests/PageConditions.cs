using Microsoft.Playwright;

namespace FreeGpuPortal.BrowserTests;

public static class PageConditions
{
    /// <summary>
    /// Polls a condition in the page. Playwright's WaitForFunction evaluates a string inside the page, which the
    /// portal's Content-Security-Policy (rightly) refuses.
    /// </summary>
    public static async Task WaitUntilAsync(IPage page, string condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await page.EvaluateAsync<bool>(condition))
        {
            Assert.True(DateTime.UtcNow < deadline, $"still not true after 10 s: {condition}");
            await Task.Delay(50);
        }
    }
}
