using System.Net;

using Microsoft.AspNetCore.Http;

namespace FreeGpuPortal.IntegrationTests.Operations;

/// <summary>
/// /metrics answers Prometheus text, with the portal's own meters, to loopback and to "Metrics:AllowedNetworks";
/// everyone else — another address, or any request that came through a proxy — gets the ordinary 404 page.
/// </summary>
public sealed class MetricsTests : IAsyncLifetime
{
    /// <summary>The app on its own data directory, allowing one extra network to read /metrics.</summary>
    private readonly PortalHost _portal = PortalHost.For(PortalHostOptions.Default.WithSettings(new Dictionary<string, string>
    {
        ["Metrics:AllowedNetworks:0"] = "10.20.0.0/16",
    }));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        PortalHost.DeleteDataDirectory(_portal.DataDirectory);
    }

    /// <summary>A request as it arrives on the socket: the test server has no connection, so the address is set here.</summary>
    private Task<HttpContext> ScrapeAsync(string remoteAddress, string? forwardedFor = null) =>
        _portal.Server.SendAsync(context =>
        {
            context.Request.Method = "GET";
            context.Request.Path = "/metrics";
            context.Connection.RemoteIpAddress = IPAddress.Parse(remoteAddress);
            if (forwardedFor is not null)
            {
                context.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }
        });

    private static async Task<string> BodyAsync(HttpContext context)
    {
        return await new StreamReader(context.Response.Body).ReadToEndAsync();
    }

    [Fact]
    public async Task Loopback_reads_the_portal_meters_in_prometheus_format()
    {
        var client = _portal.CreateClient();
        await client.GetAsync("/?sort=name");
        await client.GetAsync("/?sort=name"); // the second answer comes from the output cache

        var scrape = await ScrapeAsync("127.0.0.1");
        var body = await BodyAsync(scrape);

        Assert.Equal(StatusCodes.Status200OK, scrape.Response.StatusCode);
        Assert.Contains("portal_output_cache_lookups_total{", body, StringComparison.Ordinal);
        Assert.Contains("result=\"hit\"", body, StringComparison.Ordinal);
        Assert.Contains("result=\"miss\"", body, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket", body, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_heap_total_allocated_bytes_total", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_allowed_network_reads_it_and_any_other_address_gets_404()
    {
        Assert.Equal(StatusCodes.Status200OK, (await ScrapeAsync("10.20.3.4")).Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, (await ScrapeAsync("::1")).Response.StatusCode);
        Assert.Equal(StatusCodes.Status404NotFound, (await ScrapeAsync("10.21.3.4")).Response.StatusCode);
        Assert.Equal(StatusCodes.Status404NotFound, (await ScrapeAsync("203.0.113.7")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _portal.CreateClient().GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task A_request_through_a_proxy_counts_as_its_original_client_and_gets_404()
    {
        // The proxy runs on the same machine, so the socket address is loopback; the request is still the visitor's.
        var proxied = await ScrapeAsync("127.0.0.1", forwardedFor: "203.0.113.9");
        var proxiedFromAllowedNetwork = await ScrapeAsync("10.20.0.5", forwardedFor: "10.20.0.6");

        Assert.Equal(StatusCodes.Status404NotFound, proxied.Response.StatusCode);
        Assert.Equal(StatusCodes.Status404NotFound, proxiedFromAllowedNetwork.Response.StatusCode);
        Assert.DoesNotContain("# TYPE", await BodyAsync(proxied), StringComparison.Ordinal);
    }
}
