using System.Net;
using System.Text;
using System.Text.Json;

namespace FreeGpuPortal.IntegrationTests.Api;

/// <summary>Each test builds its own app with tiny limits (2 reads, 1 parse a minute), so no test spends another's.</summary>
public sealed class RateLimitTests
{
    private static async Task AssertTooManyRequestsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Too many requests", problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Reads_over_the_limit_get_429_with_retry_after()
    {
        await using var factory = RateLimitedPortal();
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/platforms")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/platforms/colab")).StatusCode);
        await AssertTooManyRequestsAsync(await client.GetAsync("/api/v1/gpu-models"));
        await AssertTooManyRequestsAsync(await client.GetAsync("/api/v1/platforms.csv"));

        // The pages are not limited by the API's policy.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task The_parser_has_its_own_limit_separate_from_reads()
    {
        await using var factory = RateLimitedPortal();
        var client = factory.CreateClient();

        using var first = new StringContent("MemTotal: 13290452 kB", Encoding.UTF8, "text/plain");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/hardware-reports/parse", first)).StatusCode);
        using var second = new StringContent("MemTotal: 13290452 kB", Encoding.UTF8, "text/plain");
        await AssertTooManyRequestsAsync(await client.PostAsync("/api/v1/hardware-reports/parse", second));

        // One parse spent the parse allowance only: both reads still pass.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/platforms")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/platforms")).StatusCode);
        await AssertTooManyRequestsAsync(await client.GetAsync("/api/v1/platforms"));
    }

    /// <summary>Tiny limits: 2 API reads and 1 parse a minute per address.</summary>
    private static PortalHost RateLimitedPortal() => PortalHost.For(PortalHostOptions.Default.WithSettings(new Dictionary<string, string>
    {
        ["RateLimits:Api:PermitPerMinute"] = "2",
        ["RateLimits:HardwareReportParse:PermitPerMinute"] = "1",
    }));
}
