using System.Net;
using System.Text.Json;

namespace FreeGpuPortal.IntegrationTests.Api;

/// <summary>
/// Checks the OpenAPI document and writes it to artifacts/openapi/v1.json, where scripts/lint-openapi.sh lints it
/// with an external linter.
/// </summary>
public sealed class OpenApiDocumentTests(LenientPortal factory) : IClassFixture<LenientPortal>
{
    public static string ArtifactPath { get; } = Path.Combine(RepoPaths.Root, "artifacts", "openapi", "v1.json");

    private async Task<JsonElement> GetDocumentAsync()
    {
        var response = await factory.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task The_document_is_written_for_the_linter()
    {
        var response = await factory.CreateClient().GetAsync("/openapi/v1.json");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        Directory.CreateDirectory(Path.GetDirectoryName(ArtifactPath)!);
        await File.WriteAllTextAsync(ArtifactPath, text);

        Assert.Equal(text, await File.ReadAllTextAsync(ArtifactPath));
        using var document = JsonDocument.Parse(text);
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_public_api_operation_is_described_and_nothing_else()
    {
        var paths = (await GetDocumentAsync()).GetProperty("paths");

        Assert.Equal(
            ["/api/v1/gpu-models", "/api/v1/hardware-reports/parse", "/api/v1/platforms", "/api/v1/platforms.csv", "/api/v1/platforms/{slug}"],
            paths.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        foreach (var path in paths.EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                Assert.False(string.IsNullOrWhiteSpace(operation.Value.GetProperty("summary").GetString()), path.Name);
                Assert.False(string.IsNullOrWhiteSpace(operation.Value.GetProperty("operationId").GetString()), path.Name);
                Assert.True(operation.Value.GetProperty("responses").TryGetProperty("429", out _), $"{path.Name} documents its rate limit");
            }
        }

        Assert.True(paths.GetProperty("/api/v1/platforms/{slug}").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
        var parse = paths.GetProperty("/api/v1/hardware-reports/parse").GetProperty("post");
        Assert.True(parse.GetProperty("requestBody").GetProperty("content").TryGetProperty("text/plain", out _));
        foreach (var status in new[] { "200", "413", "415" })
        {
            Assert.True(parse.GetProperty("responses").TryGetProperty(status, out _), status);
        }
    }

    [Theory]
    [InlineData("/api/v1/platforms")]
    [InlineData("/api/v1/platforms.csv")]
    public async Task The_list_parameters_are_described_with_types_and_enums(string path)
    {
        var operation = (await GetDocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty("get");
        var parameters = operation.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);

        Assert.Equal(
            ["features", "gpuMemory", "minGpuMemoryGb", "minIdleMinutes", "minSessionHours", "minWeeklyGpuHours", "q", "sort", "status"],
            parameters.Keys.Order(StringComparer.Ordinal));
        Assert.All(parameters.Values, p =>
        {
            Assert.Equal("query", p.GetProperty("in").GetString());
            Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("description").GetString()));
        });
        Assert.Equal("number", parameters["minGpuMemoryGb"].GetProperty("schema").GetProperty("type").GetString());
        Assert.Equal(["guaranteed", "possible"], parameters["gpuMemory"].GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["active", "all"], parameters["status"].GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        var sortValues = parameters["sort"].GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(18, sortValues.Count);
        Assert.Contains("-gpuMemoryGb", sortValues);
        Assert.Contains("lastVerified", sortValues);
        Assert.Equal("array", parameters["features"].GetProperty("schema").GetProperty("type").GetString());
        Assert.True(operation.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(operation.GetProperty("responses").TryGetProperty("304", out _));
    }

    [Fact]
    public async Task The_schemas_carry_units_nullability_and_enums()
    {
        var schemas = (await GetDocumentAsync()).GetProperty("components").GetProperty("schemas");

        var platform = schemas.GetProperty("PlatformDto").GetProperty("properties");
        foreach (var field in new[] { "gpuMemoryGb", "ramGb", "storageGb", "maxSessionHours", "idleTimeoutMinutes", "weeklyGpuHours", "cpuCount", "lastVerified", "links", "gpuOptions", "features" })
        {
            Assert.True(platform.TryGetProperty(field, out _), field);
        }

        var min = schemas.GetProperty("SpecRangeDto").GetProperty("properties").GetProperty("min");
        Assert.Equal(["null", "number"], min.GetProperty("type").EnumerateArray().Select(t => t.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(["active", "changed", "discontinued", "renamed"],
            schemas.GetProperty("PlatformStatusDto").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["limited", "noQuota", "unknown"],
            schemas.GetProperty("WeeklyQuotaKindDto").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).Order(StringComparer.Ordinal));
        var detail = schemas.GetProperty("PlatformDetailDto").GetProperty("properties");
        foreach (var field in new[] { "slug", "pros", "cons", "gettingStarted", "sources" })
        {
            Assert.True(detail.TryGetProperty(field, out _), field);
        }

        var report = schemas.GetProperty("HardwareReportDto").GetProperty("properties");
        Assert.Equal(["cpu", "cudaVersion", "driverVersion", "gpuCount", "gpus", "memTotalKiB", "messages"],
            report.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }
}
