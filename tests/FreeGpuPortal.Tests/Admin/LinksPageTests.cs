using Bunit;

using FreeGpuPortal.Web.Components.Pages.Admin;
using FreeGpuPortal.Web.LinkChecking;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.Tests.Admin;

/// <summary>"Check links now" on the links page: an admin's action, checked when clicked, showing the run and its result.</summary>
public sealed class LinksPageTests : AdminComponentTest
{
    private LinkCheckRunner Runner => Services.GetRequiredService<LinkCheckRunner>();

    private async Task<int> StatusCountAsync()
    {
        await using var db = await Catalog.ContextFactory.CreateDbContextAsync();
        return await db.LinkStatuses.CountAsync();
    }

    [Fact]
    public async Task Check_now_runs_the_check_shows_its_result_and_the_list_it_saved()
    {
        var page = Render<LinksPage>();
        page.WaitForElement("[data-testid=check-now]", Wait).Click();

        // The seed's sources cannot be reached from here: each is checked once, and the page reports the run.
        var result = page.WaitForElement("[data-testid=check-result]", Wait);
        var summary = Runner.Last!.Summary!;
        Assert.StartsWith($"Check finished at ", result.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains($"{summary.Checked} links checked.", result.TextContent, StringComparison.Ordinal);
        Assert.Equal(AdminEmail, Runner.Last.StartedBy);
        Assert.Equal(summary.Checked, await StatusCountAsync());
        page.WaitForAssertion(() => Assert.StartsWith($"{summary.Checked} links checked; last check ", page.Find("[data-testid=links-summary]").TextContent.Trim(), StringComparison.Ordinal), Wait);
        Assert.Null(page.Find("[data-testid=check-now]").GetAttribute("disabled"));
    }

    [Fact]
    public async Task A_click_after_the_sign_in_ended_is_refused_and_starts_nothing()
    {
        var page = Render<LinksPage>();
        BrowserSignIn(null); // signed out in another tab

        page.WaitForElement("[data-testid=check-now]", Wait).Click();

        Assert.Equal("NotSignedIn", page.WaitForElement("[data-testid=admin-refused]", Wait).GetAttribute("data-reason"));
        Assert.Null(Runner.Current);
        Assert.Null(Runner.Last);
        Assert.Equal(0, await StatusCountAsync());
    }
}
