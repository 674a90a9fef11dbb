using System.Net;

namespace FreeGpuPortal.IntegrationTests.Api;

public sealed class ApiPageTests(LenientPortal factory) : IClassFixture<LenientPortal>
{
    [Fact]
    public async Task The_api_page_documents_every_endpoint_and_parameter_with_working_examples()
    {
        var client = factory.CreateClient();
        var response = await client.GetAsync("/api");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        foreach (var endpoint in new[] { "GET /api/v1/platforms", "GET /api/v1/platforms.csv", "GET /api/v1/platforms/{slug}", "GET /api/v1/gpu-models", "POST /api/v1/hardware-reports/parse" })
        {
            Assert.Contains($"<code>{endpoint}</code>", html);
        }

        var examples = System.Text.RegularExpressions.Regex.Matches(html, "<tr data-parameter=\"([^\"]+)\">.*?<a href=\"([^\"]+)\"", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => (Name: m.Groups[1].Value, Href: System.Net.WebUtility.HtmlDecode(m.Groups[2].Value)))
            .ToList();
        Assert.Equal(["q", "minGpuMemoryGb", "gpuMemory", "minSessionHours", "minIdleMinutes", "minWeeklyGpuHours", "features", "status", "sort"],
            examples.Select(e => e.Name));
        foreach (var (name, href) in examples)
        {
            var example = await client.GetAsync("/" + href);
            Assert.True(example.StatusCode == HttpStatusCode.OK, $"{name}: {href} gave {example.StatusCode}");
        }

        Assert.Contains("href=\"openapi/v1.json\"", html);
        Assert.Contains("100000 reads and 100000 parses a minute", html); // the limits this factory configured
    }
}
