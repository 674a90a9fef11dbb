using System.Net;
using System.Text.RegularExpressions;

using FreeGpuPortal.Web.Accounts;
using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Data;
using FreeGpuPortal.Web.LinkChecking;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.IntegrationTests.LinkChecking;

/// <summary>
/// The link checker against a real local site: each outcome, two failures to break, the admin list, accepting a
/// redirect, and the public marker. The portal gives the local site ample time; only the tests of the timeout itself
/// start one with a short timeout, and probe nothing there but a page that never answers in time.
/// </summary>
public sealed class LinkCheckTests(LoopbackSite site) : IClassFixture<LoopbackSite>, IAsyncLifetime
{
    private readonly PortalHost _portal = LinkCheckPortal.Create();

    public Task InitializeAsync()
    {
        site.Reset();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private LinkProbe Probe => _portal.Services.GetRequiredService<LinkProbe>();

    [Fact]
    public async Task A_working_page_is_ok_and_the_request_names_the_portal()
    {
        var result = await Probe.CheckAsync(site.Url("/ok"), CancellationToken.None);

        Assert.Equal(new ProbeResult(LinkOutcome.Ok, 200, null, false), result);
        var request = Assert.Single(site.Requests);
        Assert.Equal("HEAD", request.Method);
        Assert.Contains("FreeGpuPortal", request.UserAgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_permanent_redirect_is_followed_to_its_final_url()
    {
        var result = await Probe.CheckAsync(site.Url("/moved"), CancellationToken.None);

        Assert.Equal(LinkOutcome.Redirected, result.Outcome);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal(site.Url("/new-home"), result.FinalUrl);
        Assert.True(result.PermanentRedirect);
        Assert.False((await Probe.CheckAsync(site.Url("/temporary"), CancellationToken.None)).PermanentRedirect);
    }

    [Theory]
    [InlineData("/gone-404", 404)]
    [InlineData("/gone-410", 410)]
    public async Task A_page_that_is_gone_is_an_http_error(string path, int status)
    {
        var result = await Probe.CheckAsync(site.Url(path), CancellationToken.None);

        Assert.Equal(new ProbeResult(LinkOutcome.HttpError, status, null, false), result);
    }

    [Fact]
    public async Task A_slow_page_times_out()
    {
        await using var portal = LinkCheckPortal.Create(LinkCheckPortal.ShortTimeoutSeconds);
        var probe = portal.Services.GetRequiredService<LinkProbe>();

        var started = DateTime.UtcNow;
        var result = await probe.CheckAsync(site.Url("/slow"), CancellationToken.None);

        Assert.Equal(LinkOutcome.Timeout, result.Outcome);
        Assert.Null(result.StatusCode);
        // Given up at the timeout, not when the page would have answered (30 s).
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(LinkCheckPortal.ShortTimeoutSeconds - 0.1), TimeSpan.FromSeconds(25));
    }

    [Fact]
    public async Task A_server_refusing_head_is_asked_with_get()
    {
        var result = await Probe.CheckAsync(site.Url("/no-head"), CancellationToken.None);

        Assert.Equal(new ProbeResult(LinkOutcome.Ok, 200, null, false), result);
        Assert.Equal(["HEAD", "GET"], site.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task Redirects_are_followed_five_times_and_no_more()
    {
        var result = await Probe.CheckAsync(site.Url("/loop/0"), CancellationToken.None);

        Assert.Equal(LinkOutcome.TooManyRedirects, result.Outcome);
        Assert.Equal(6, site.Requests.Count); // the link itself and five redirects
    }

    [Fact]
    public async Task Hosts_other_than_loopback_are_never_contacted_by_the_tests()
    {
        var result = await Probe.CheckAsync("https://www.kaggle.com/docs/notebooks", CancellationToken.None);

        Assert.Equal(LinkOutcome.Unreachable, result.Outcome);
    }

    [Fact]
    public async Task A_link_is_broken_after_two_failed_runs_and_the_public_page_says_since_when()
    {
        await CiteAsync(_portal, "colab", "/ok", "/gone-404", "/gone-410", "/moved");
        await CiteRamAsync(_portal, "colab", "/gone-410");
        var run = _portal.Services.GetRequiredService<LinkCheckRun>();

        await run.RunAsync();
        var first = await StatusesAsync(_portal);
        Assert.Equal(1, first[site.Url("/gone-404")].ConsecutiveFailures);
        Assert.False(first[site.Url("/gone-404")].IsBroken);
        Assert.True(site.MaxInFlight is >= 1 and <= 2, $"at most 2 at a time, saw {site.MaxInFlight}");
        var publicPage = await _portal.NewClient().GetStringAsync("/platforms/colab");
        Assert.DoesNotContain("source link broken since", publicPage, StringComparison.Ordinal);

        await run.RunAsync();
        var second = await StatusesAsync(_portal);
        foreach (var path in new[] { "/gone-404", "/gone-410" })
        {
            var status = second[site.Url(path)];
            Assert.True(status.IsBroken, path);
            Assert.Equal(first[site.Url(path)].CheckedAtUtc, status.FailingSinceUtc);
        }

        Assert.Equal(LinkOutcome.HttpError, second[site.Url("/gone-404")].Outcome);
        Assert.Equal(LinkOutcome.Ok, second[site.Url("/ok")].Outcome);
        Assert.Equal(0, second[site.Url("/ok")].ConsecutiveFailures);
        Assert.Equal(site.Url("/new-home"), second[site.Url("/moved")].FinalUrl);
        Assert.True(site.MaxInFlight <= 2, $"at most 2 at a time, saw {site.MaxInFlight}");

        publicPage = await _portal.NewClient().GetStringAsync("/platforms/colab");
        Assert.Matches($"<a href=\"{site.Url("/gone-404")}\"[^>]*>[^<]*</a>\\s*<span class=\"link-broken\"[^>]*>source link broken since ", publicPage);
        Assert.DoesNotMatch($"<a href=\"{site.Url("/ok")}\"[^>]*>[^<]*</a>\\s*<span class=\"link-broken\"", publicPage);
        var kaggle = await _portal.NewClient().GetStringAsync("/platforms/kaggle");
        Assert.DoesNotContain(site.BaseUrl, kaggle, StringComparison.Ordinal);

        // The comparison table writes its values' popovers itself: the broken source of Colab's RAM is marked there too.
        var table = await _portal.NewClient().GetStringAsync("/");
        Assert.Matches(new Regex($"<span role=\"tooltip\" id=\"colab-ram\"[^>]*>(?:(?!role=\"tooltip\").)*?<a href=\"{Regex.Escape(site.Url("/gone-410"))}\"[^>]*>[^<]*</a>\\s*<span class=\"link-broken\"[^>]*>source link broken since ", RegexOptions.Singleline), table);
        Assert.Single(Regex.Matches(table, $"<span class=\"link-broken\"[^>]*data-url=\"{Regex.Escape(site.Url("/gone-410"))}\""));
    }

    [Fact]
    public async Task A_page_that_times_out_in_two_runs_is_broken_since_the_first()
    {
        await using var portal = LinkCheckPortal.Create(LinkCheckPortal.ShortTimeoutSeconds);
        await CiteAsync(portal, "colab", "/slow");
        var run = portal.Services.GetRequiredService<LinkCheckRun>();

        await run.RunAsync();
        var first = (await StatusesAsync(portal))[site.Url("/slow")];
        Assert.Equal(LinkOutcome.Timeout, first.Outcome);
        Assert.Equal(1, first.ConsecutiveFailures);
        Assert.False(first.IsBroken);

        await run.RunAsync();
        var second = (await StatusesAsync(portal))[site.Url("/slow")];
        Assert.Equal(LinkOutcome.Timeout, second.Outcome);
        Assert.True(second.IsBroken);
        Assert.Equal(first.CheckedAtUtc, second.FailingSinceUtc);
    }

    [Fact]
    public async Task The_admin_list_shows_broken_links_and_redirects_and_accepting_a_redirect_is_an_audited_change()
    {
        await CiteAsync(_portal, "colab", "/ok", "/gone-404", "/moved");
        var run = _portal.Services.GetRequiredService<LinkCheckRun>();
        await run.RunAsync();
        await run.RunAsync();

        await _portal.CreateAdminAsync("links-admin@example.org");
        var admin = await _portal.SignedInClientAsync("links-admin@example.org");
        var list = await admin.GetAsync("/admin/links");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var html = await list.Content.ReadAsStringAsync();
        Assert.Contains($"data-link=\"{site.Url("/gone-404")}\"", html, StringComparison.Ordinal);
        Assert.Contains("HTTP 404", html, StringComparison.Ordinal);
        Assert.Contains($"data-redirect=\"{site.Url("/moved")}\"", html, StringComparison.Ordinal);
        Assert.Contains(site.Url("/new-home"), html, StringComparison.Ordinal);
        Assert.Contains("href=\"admin/links\"", html, StringComparison.Ordinal);

        await using var acceptanceScope = _portal.Services.CreateAsyncScope();
        var acceptance = acceptanceScope.ServiceProvider.GetRequiredService<RedirectAcceptance>();
        var accepted = Assert.IsType<AcceptRedirectResult.Accepted>(
            await acceptance.AcceptAsync(site.Url("/moved"), await AdminActorAsync("links-admin@example.org")));
        var changeId = Assert.Single(accepted.ChangeIds);

        var editor = _portal.Services.GetRequiredService<CatalogEditor>();
        var colab = (await editor.GetForEditAsync("colab"))!;
        Assert.Contains(site.Url("/new-home"), colab.Sources.Select(s => s.Url));
        Assert.DoesNotContain(site.Url("/moved"), colab.Sources.Select(s => s.Url));
        var entry = (await _portal.Services.GetRequiredService<CatalogHistory>().GetAsync(changeId))!;
        Assert.Equal(ChangeKind.Edit, entry.Kind);
        Assert.Equal(site.Url("/new-home"), entry.EvidenceUrl);
        Assert.Equal("links-admin@example.org", entry.ActorDisplayName);
        var field = Assert.Single(entry.Fields);
        Assert.Equal("Sources", field.Field);
        Assert.Contains(site.Url("/moved"), field.OldValue, StringComparison.Ordinal);
        Assert.Contains(site.Url("/new-home"), field.NewValue, StringComparison.Ordinal);

        // Done once: the platform no longer cites the old URL.
        Assert.Equal(
            new AcceptRedirectResult.Refused(RedirectAcceptance.NotCited),
            await acceptance.AcceptAsync(site.Url("/moved"), await AdminActorAsync("links-admin@example.org")));
    }

    /// <summary>
    /// The actor the links page hands to the acceptance: the one the admin authority names for this account's sign-in
    /// now (the page asks it at the moment of the click; its refusals are the admin pages' component tests).
    /// </summary>
    private async Task<Actor> AdminActorAsync(string email)
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var authority = scope.ServiceProvider.GetRequiredService<AdminAuthority>();
        return Assert.IsType<AdminAuthorityResult.Allowed>(await authority.CheckAsync(await _portal.PrincipalAsync(email))).Actor;
    }

    [Fact]
    public async Task Check_now_runs_one_check_at_a_time_with_its_progress_and_its_result()
    {
        await CiteAsync(_portal, "colab", "/ok", "/held", "/gone-404");
        var runner = _portal.Services.GetRequiredService<LinkCheckRunner>();
        var progress = new List<(int Checked, int? Total)>();
        runner.Changed += () =>
        {
            if (runner.Current is { } going)
            {
                lock (progress)
                {
                    progress.Add((going.Checked, going.Total));
                }
            }
        };

        var first = Assert.IsType<LinkCheckStart.Started>(runner.TryStart("first@example.org"));

        // The held page holds the run until the test lets it answer: a second click, or another admin, meets the run going.
        var second = Assert.IsType<LinkCheckStart.AlreadyRunning>(runner.TryStart("second@example.org"));
        Assert.Equal("first@example.org", second.Progress.StartedBy);
        site.ReleaseHeldPage();
        var summary = await first.Run.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.NotNull(summary);
        Assert.Null(runner.Current);
        Assert.Equal(summary, runner.Last!.Summary);
        Assert.Equal("first@example.org", runner.Last.StartedBy);
        Assert.True(summary.Checked >= 3, $"checked {summary.Checked}");
        lock (progress)
        {
            Assert.Contains((0, summary.Checked), progress.Select(p => (p.Checked, p.Total ?? -1)));
            Assert.Contains((summary.Checked, summary.Checked), progress.Select(p => (p.Checked, p.Total ?? -1)));
        }

        var statuses = await StatusesAsync(_portal);
        Assert.Equal(LinkOutcome.Ok, statuses[site.Url("/held")].Outcome);
        Assert.Equal(LinkOutcome.Ok, statuses[site.Url("/ok")].Outcome);
        Assert.IsType<LinkCheckStart.Started>(runner.TryStart("second@example.org")); // the next run may start now
    }

    /// <summary>Makes the platform's source list cite these paths of the local site, through the audited editor.</summary>
    private async Task CiteAsync(PortalHost portal, string slug, params string[] paths)
    {
        var editor = portal.Services.GetRequiredService<CatalogEditor>();
        var model = (await editor.GetForEditAsync(slug))!;
        model.Sources = [.. paths.Select(p => new SourceEditModel { Url = site.Url(p), Title = $"Local page {p}" })];
        var result = await editor.UpdateAsync(new PlatformChangeRequest(
            model, new ChangeEvidence { Note = "Test sources on the local site." }, new Actor("test", "test")));
        Assert.IsType<EditResult.Success>(result);
    }

    private async Task CiteRamAsync(PortalHost portal, string slug, string path)
    {
        var editor = portal.Services.GetRequiredService<CatalogEditor>();
        var model = (await editor.GetForEditAsync(slug))!;
        model.RamGb.SourceUrl = site.Url(path);
        var result = await editor.UpdateAsync(new PlatformChangeRequest(
            model, new ChangeEvidence { Note = "Test source of one value on the local site." }, new Actor("test", "test")));
        Assert.IsType<EditResult.Success>(result);
    }

    private static async Task<Dictionary<string, LinkStatus>> StatusesAsync(PortalHost portal)
    {
        var factory = portal.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.LinkStatuses.AsNoTracking().ToDictionaryAsync(s => s.Url, StringComparer.Ordinal);
    }
}
