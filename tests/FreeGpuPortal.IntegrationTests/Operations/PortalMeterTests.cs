using System.Globalization;
using System.Net;
using System.Text;

using FreeGpuPortal.IntegrationTests.Accounts;
using FreeGpuPortal.IntegrationTests.HardwareReports;
using FreeGpuPortal.Web.Accounts;
using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog.Editing;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.IntegrationTests.Operations;

/// <summary>
/// The portal's own meters count what happened, exactly: each test causes a known number of events through the real
/// endpoints and forms, then reads /metrics as Prometheus does (from loopback) and checks each counter moved by that
/// number — and the ones it must not move stayed. Not in parallel with other hosts: a meter listener sees every meter
/// of the same name in the process, so another host's events could be counted here.
/// </summary>
[Collection(PortalMeterCollection.Name)]
public sealed class PortalMeterTests : IAsyncLifetime
{
    /// <summary>Tiny API, parser and sign-in limits, to count the refusals.</summary>
    private readonly PortalHost _portal = PortalHost.For(PortalHostOptions.Default.WithSettings(new Dictionary<string, string>
    {
        ["RateLimits:Api:PermitPerMinute"] = "2",
        ["RateLimits:HardwareReportParse:PermitPerMinute"] = "1",
        ["RateLimits:SignIn:PermitPerMinute"] = "2",
    }));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Report_submissions_count_saved_reports_only()
    {
        var before = await ScrapeAsync();
        var client = _portal.NewClient();

        // A check alone submits nothing; two visitors' saves do.
        Assert.Equal(HttpStatusCode.OK, (await ReportForms.PostAsync(client, "colab", "check", Pastes.ColabT4)).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await ReportForms.CheckAndSaveAsync(client, "colab", Pastes.ColabT4)).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await ReportForms.CheckAndSaveAsync(_portal.NewClient(), "kaggle", Pastes.Fixture("nvidia-smi/p100-kaggle-560.35.03-empty-processes.txt"))).StatusCode);

        var after = await ScrapeAsync();
        Assert.Equal(2, after.Value("portal_reports_submissions_total") - before.Value("portal_reports_submissions_total"));
    }

    [Fact]
    public async Task Rate_limit_rejections_count_every_429_by_policy()
    {
        var before = await ScrapeAsync();
        var client = _portal.NewClient();

        // API reads: 2 a minute, so 2 pass and 3 are refused.
        var reads = new List<HttpStatusCode>();
        foreach (var path in new[] { "/api/v1/platforms", "/api/v1/gpu-models", "/api/v1/platforms.csv", "/api/v1/platforms/colab", "/api/v1/platforms" })
        {
            reads.Add((await client.GetAsync(path)).StatusCode);
        }

        // The parser: 1 a minute, so 1 passes and 2 are refused.
        var parses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var paste = new StringContent("MemTotal: 13290452 kB", Encoding.UTF8, "text/plain");
            parses.Add((await client.PostAsync("/api/v1/hardware-reports/parse", paste)).StatusCode);
        }

        // Sign-in: 2 failures a minute, then the third attempt is refused before it is checked.
        var signIns = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            signIns.Add((await AccountTests.SignInAsync(client, "nobody@example.org", "not the password")).StatusCode);
        }

        Assert.Equal(3, reads.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(2, parses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(1, signIns.Count(s => s == HttpStatusCode.TooManyRequests));
        var after = await ScrapeAsync();
        Assert.Equal(3, after.Delta(before, "portal_rate_limit_rejections_total", ("kind", "api")));
        Assert.Equal(2, after.Delta(before, "portal_rate_limit_rejections_total", ("kind", "hardware-report-parse")));
        Assert.Equal(1, after.Delta(before, "portal_rate_limit_rejections_total", ("kind", "sign-in")));
        Assert.Equal(6, after.Delta(before, "portal_rate_limit_rejections_total"));
    }

    [Fact]
    public async Task Catalog_saves_count_by_outcome()
    {
        await _portal.AdminClientAsync("meter-admin@example.org");
        var user = await _portal.Services.CreateScope().ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync("meter-admin@example.org");
        var actor = new Actor(user!.Id, user.Email!);
        var editor = _portal.Services.GetRequiredService<CatalogEditor>();
        var evidence = new ChangeEvidence { EvidenceUrl = "https://research.google.com/colaboratory/faq.html" };
        var before = await ScrapeAsync();

        var first = (await editor.GetForEditAsync("colab"))!;
        first.IdleTimeoutMinutes.Min = 41;
        first.IdleTimeoutMinutes.Max = 41;
        Assert.IsType<EditResult.Success>(await editor.UpdateAsync(new PlatformChangeRequest(first, evidence, actor)));
        var second = (await editor.GetForEditAsync("colab"))!;
        second.IdleTimeoutMinutes.Min = 42;
        second.IdleTimeoutMinutes.Max = 42;
        Assert.IsType<EditResult.Success>(await editor.UpdateAsync(new PlatformChangeRequest(second, evidence, actor)));

        // The first form again: its concurrency stamp is stale now.
        first.IdleTimeoutMinutes.Min = 43;
        first.IdleTimeoutMinutes.Max = 43;
        Assert.IsType<EditResult.ConcurrencyConflict>(await editor.UpdateAsync(new PlatformChangeRequest(first, evidence, actor)));

        var after = await ScrapeAsync();
        Assert.Equal(2, after.Delta(before, "portal_catalog_saves_total", ("outcome", "saved")));
        Assert.Equal(1, after.Delta(before, "portal_catalog_saves_total", ("outcome", "conflict")));
        Assert.Equal(3, after.Delta(before, "portal_catalog_saves_total"));
    }

    [Fact]
    public async Task Output_cache_lookups_count_one_miss_then_hits_per_view()
    {
        var before = await ScrapeAsync();
        var client = _portal.NewClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/?sort=-ramGb")).StatusCode); // rendered, then stored
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/?sort=-ramGb")).StatusCode); // from the cache
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/?sort=-ramGb")).StatusCode); // from the cache
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/?sort=-storageGb")).StatusCode); // another view: rendered

        var after = await ScrapeAsync();
        Assert.Equal(2, after.Delta(before, "portal_output_cache_lookups_total", ("result", "miss")));
        Assert.Equal(2, after.Delta(before, "portal_output_cache_lookups_total", ("result", "hit")));
    }

    [Fact]
    public async Task Rendering_pages_is_timed_per_request_not_per_component()
    {
        var client = _portal.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/?sort=-cpuCores")).StatusCode);

        var scraped = await ScrapeAsync();

        Assert.True(scraped.Value("http_server_request_duration_seconds_count") > 0, "no request timings");
        Assert.True(scraped.Value("aspnetcore_components_navigate_total") > 0, "no Blazor page metrics at all");
        Assert.Equal(0, scraped.Value("aspnetcore_components_update_parameters_duration_seconds_count"));
        Assert.Equal(0, scraped.Value("aspnetcore_components_render_diff_duration_seconds_count"));
        Assert.Equal(0, scraped.Value("aspnetcore_components_render_diff_size_count"));
    }

    /// <summary>
    /// /metrics as a Prometheus server on the same machine reads it. The exporter may answer from a scrape cached for
    /// a few hundred milliseconds, so wait that long first: every scrape then shows all the events before it.
    /// </summary>
    private async Task<PrometheusText> ScrapeAsync()
    {
        await Task.Delay(TimeSpan.FromMilliseconds(1100));
        var context = await _portal.Server.SendAsync(request =>
        {
            request.Request.Method = "GET";
            request.Request.Path = "/metrics";
            request.Connection.RemoteIpAddress = IPAddress.Loopback;
        });
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        return new PrometheusText(await new StreamReader(context.Response.Body).ReadToEndAsync());
    }
}

/// <summary>Counter values from Prometheus text format: the sum over the series whose labels include the given ones.</summary>
public sealed class PrometheusText(string text)
{
    public double Value(string metric, params (string Name, string Value)[] labels)
    {
        var total = 0.0;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith('#') || !(line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal)))
            {
                continue;
            }

            var labelsEnd = line.IndexOf('}', StringComparison.Ordinal);
            var labelText = labelsEnd > 0 ? line[(metric.Length + 1)..labelsEnd] : "";
            if (labels.All(label => labelText.Contains($"{label.Name}=\"{label.Value}\"", StringComparison.Ordinal)))
            {
                var value = line[(labelsEnd > 0 ? labelsEnd + 1 : metric.Length)..].Trim().Split(' ')[0];
                total += double.Parse(value, CultureInfo.InvariantCulture);
            }
        }

        return total;
    }

    public double Delta(PrometheusText before, string metric, params (string Name, string Value)[] labels) =>
        Value(metric, labels) - before.Value(metric, labels);
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PortalMeterCollection
{
    public const string Name = "portal meters";
}
