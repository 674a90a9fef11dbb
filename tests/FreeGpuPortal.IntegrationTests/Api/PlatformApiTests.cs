using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace FreeGpuPortal.IntegrationTests.Api;

public sealed class PlatformApiTests(LenientPortal factory) : IClassFixture<LenientPortal>
{
    private async Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK, string mediaType = "application/json")
    {
        var response = await factory.CreateClient().GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task Platforms_are_typed_json_with_units_ranges_unknowns_as_null_and_sources()
    {
        var root = await GetJsonAsync("/api/v1/platforms");
        Assert.Equal("", root.GetProperty("query").GetString());
        Assert.Equal(3, root.GetProperty("count").GetInt32());
        var platforms = root.GetProperty("platforms").EnumerateArray().ToDictionary(p => p.GetProperty("slug").GetString()!);

        var colab = platforms["colab"];
        Assert.Equal("Google Colab", colab.GetProperty("name").GetString());
        Assert.Equal("active", colab.GetProperty("status").GetString());
        Assert.Equal(8, colab.GetProperty("gpuMemoryGb").GetProperty("min").GetDouble());
        Assert.Equal(16, colab.GetProperty("gpuMemoryGb").GetProperty("max").GetDouble());
        Assert.Equal(["tesla-p100", "tesla-t4", "tesla-k80", "tesla-p4"],
            colab.GetProperty("gpuOptions").EnumerateArray().Select(g => g.GetProperty("slug").GetString()));
        Assert.Equal("The author was assigned a Tesla K80 with about 12 GB.",
            colab.GetProperty("gpuOptions")[2].GetProperty("note").GetString());
        Assert.Equal("noQuota", colab.GetProperty("weeklyQuotaKind").GetString());
        Assert.Equal(JsonValueKind.Null, colab.GetProperty("weeklyGpuHours").GetProperty("min").ValueKind);
        Assert.Equal(12, colab.GetProperty("maxSessionHours").GetProperty("min").GetDouble());
        Assert.Equal("/platforms/colab", colab.GetProperty("links").GetProperty("page").GetString());
        Assert.Equal("/api/v1/platforms/colab", colab.GetProperty("links").GetProperty("self").GetString());

        var gradient = platforms["gradient"];
        var idle = gradient.GetProperty("idleTimeoutMinutes");
        Assert.Equal(60, idle.GetProperty("min").GetDouble());
        Assert.Equal(360, idle.GetProperty("max").GetDouble());
        Assert.Equal("A long idle time of 1 to 6 hours.", idle.GetProperty("note").GetString());
        Assert.Equal("https://towardsdatascience.com/free-gpus-for-training-your-deep-learning-models-c1ce47863350",
            idle.GetProperty("source").GetProperty("url").GetString());
        Assert.Equal(JsonValueKind.Null, idle.GetProperty("asOf").ValueKind); // the article is undated
        Assert.Equal("unknown", gradient.GetProperty("weeklyQuotaKind").GetString());
        Assert.Equal(JsonValueKind.Null, gradient.GetProperty("lastVerified").ValueKind);
        Assert.Equal(JsonValueKind.Null, gradient.GetProperty("renamedTo").ValueKind);
        var privateNotebooks = gradient.GetProperty("features").EnumerateArray().Single();
        Assert.Equal("private-notebooks", privateNotebooks.GetProperty("key").GetString());
        Assert.False(privateNotebooks.GetProperty("available").GetBoolean());

        var kaggle = platforms["kaggle"];
        Assert.Equal("limited", kaggle.GetProperty("weeklyQuotaKind").GetString());
        Assert.Equal(30, kaggle.GetProperty("weeklyGpuHours").GetProperty("min").GetDouble());
        Assert.Equal(41, kaggle.GetProperty("weeklyGpuHours").GetProperty("max").GetDouble());
        Assert.Equal("Resets every Saturday at midnight UTC.", kaggle.GetProperty("weeklyQuotaResetRule").GetString());
        var storage = kaggle.GetProperty("storageGb"); // not stated: unknown, never a guess
        Assert.Equal(JsonValueKind.Null, storage.GetProperty("min").ValueKind);
        Assert.Equal(JsonValueKind.Null, storage.GetProperty("max").ValueKind);
        Assert.Equal(JsonValueKind.Null, storage.GetProperty("source").ValueKind);
    }

    [Fact]
    public async Task One_platform_has_its_pros_cons_getting_started_and_sources()
    {
        var kaggle = await GetJsonAsync("/api/v1/platforms/kaggle");

        Assert.Equal("kaggle", kaggle.GetProperty("slug").GetString());
        Assert.Equal(16, kaggle.GetProperty("gpuMemoryGb").GetProperty("min").GetDouble());
        Assert.Equal("https://www.kaggle.com/docs/notebooks", kaggle.GetProperty("website").GetString());
        Assert.StartsWith("Kaggle Notebooks", kaggle.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal("Commit mode runs code in the background", kaggle.GetProperty("pros")[0].GetString());
        Assert.Equal("A dynamic weekly GPU quota of at least 30 hours (usually 30–41 hours)", kaggle.GetProperty("cons")[0].GetString());
        Assert.Equal(JsonValueKind.Array, kaggle.GetProperty("gettingStarted").ValueKind);
        Assert.Contains(kaggle.GetProperty("sources").EnumerateArray(),
            s => s.GetProperty("url").GetString() == "https://www.kaggle.com/docs/notebooks");

        var colab = await GetJsonAsync("/api/v1/platforms/colab");
        Assert.Equal("Runtime → Change runtime type → Hardware accelerator: GPU.", colab.GetProperty("gettingStarted")[1].GetString());
        Assert.Equal(4, colab.GetProperty("gpuOptions").GetArrayLength());
    }

    [Fact]
    public async Task Json_is_utf8_text_with_the_platforms_own_fields_first()
    {
        var body = await factory.CreateClient().GetStringAsync("/api/v1/platforms/kaggle");

        Assert.StartsWith("{\"slug\":\"kaggle\",\"name\":\"Kaggle\",", body, StringComparison.Ordinal);
        Assert.Contains("A dynamic weekly GPU quota of at least 30 hours (usually 30–41 hours)", body); // not \u2013
        Assert.True(body.IndexOf("\"links\":", StringComparison.Ordinal) < body.IndexOf("\"summary\":", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/v1/platforms/no-such-platform")]
    [InlineData("/api/v1/platforms/NO-SUCH-PLATFORM")] // redirected to the lower-case address, which is unknown
    [InlineData("/api/v1/platforms/%3Cscript%3E")]
    public async Task An_unknown_slug_is_a_404_problem(string url)
    {
        var problem = await GetJsonAsync(url, HttpStatusCode.NotFound, "application/problem+json");

        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal("Platform not found", problem.GetProperty("title").GetString());
        Assert.Contains("No platform has the slug", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_very_long_slug_is_a_404_problem_that_does_not_echo_it_in_full()
    {
        var slug = new string('x', 5000);
        var response = await factory.CreateClient().GetAsync("/api/v1/platforms/" + slug);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(new string('x', 100), body);
    }

    [Theory]
    [InlineData("minGpuMemoryGb=abc", "minGpuMemoryGb", "'abc' is not a number")]
    [InlineData("minGpuMemoryGb=-4", "minGpuMemoryGb", "'-4' is negative; give 0 or more")]
    [InlineData("minSessionHours=NaN", "minSessionHours", "'NaN' is not a finite number")]
    [InlineData("minIdleMinutes=Infinity", "minIdleMinutes", "'Infinity' is not a finite number")]
    [InlineData("minWeeklyGpuHours=1e309", "minWeeklyGpuHours", "'1e309' is not a finite number")]
    [InlineData("sort=price", "sort", "'price' is not a sort key")]
    [InlineData("sort=--name", "sort", "'--name' is not a sort key")]
    [InlineData("features=free-lunch", "features", "'free-lunch' is not a known feature; known: private-notebooks")]
    [InlineData("gpuMemory=most", "gpuMemory", "'most' is not one of: guaranteed, possible")]
    [InlineData("status=gone", "status", "'gone' is not one of: active, all")]
    [InlineData("sort=name&sort=-ramGb", "sort", "given more than once ('-ramGb' too)")]
    [InlineData("minGpuMemoryGb=8&minGpuMemoryGb=16", "minGpuMemoryGb", "given more than once ('16' too)")]
    [InlineData("minGpuMemory=12", "minGpuMemory", "'minGpuMemory' is not a parameter of this endpoint")]
    public async Task Each_bad_parameter_is_a_400_problem_naming_it(string query, string parameter, string message)
    {
        var problem = await GetJsonAsync("/api/v1/platforms?" + query, HttpStatusCode.BadRequest, "application/problem+json");

        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal("Invalid query parameters", problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors");
        Assert.Equal([parameter], errors.EnumerateObject().Select(e => e.Name));
        Assert.StartsWith(message, errors.GetProperty(parameter)[0].GetString(), StringComparison.Ordinal);
        Assert.Contains(parameter + ": ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_bad_parameters_are_all_named_and_a_long_value_is_cut_short()
    {
        var huge = new string('x', 10 * 1024);
        var response = await factory.CreateClient().GetAsync($"/api/v1/platforms?q={huge}&minGpuMemoryGb=abc&features=tpu,nope");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var document = JsonDocument.Parse(body);
        Assert.Equal(["q", "minGpuMemoryGb", "features"], document.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Contains("is too long (at most 200 characters)", body);
        Assert.DoesNotContain(new string('x', 100), body);
    }

    [Fact]
    public async Task Gpu_models_list_reference_facts_and_which_platforms_assign_them()
    {
        var root = await GetJsonAsync("/api/v1/gpu-models");
        var models = root.GetProperty("gpuModels").EnumerateArray().ToDictionary(m => m.GetProperty("slug").GetString()!);

        Assert.Equal(5, root.GetProperty("count").GetInt32());
        Assert.Equal(["quadro-m4000", "tesla-k80", "tesla-p100", "tesla-p4", "tesla-t4"], models.Keys.Order());
        var p100 = models["tesla-p100"];
        Assert.Equal(16, p100.GetProperty("memoryGb").GetDouble());
        Assert.Equal("Pascal", p100.GetProperty("architecture").GetString());
        Assert.Equal(["colab", "kaggle"], p100.GetProperty("platforms").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["gradient"], models["quadro-m4000"].GetProperty("platforms").EnumerateArray().Select(p => p.GetString()));
    }

    [Theory]
    [InlineData("/api/v1/platforms?sort=-ramGb")]
    [InlineData("/api/v1/platforms.csv")]
    [InlineData("/api/v1/platforms/colab")]
    [InlineData("/api/v1/gpu-models")]
    public async Task Reads_carry_a_strong_etag_and_a_matching_conditional_get_is_a_304(string url)
    {
        var client = factory.CreateClient();
        var first = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Equal("public, no-cache", first.Headers.CacheControl?.ToString());

        var again = await client.GetAsync(url);
        Assert.Equal(etag, again.Headers.ETag); // same answer, same tag

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag, notModified.Headers.ETag);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var weak = new HttpRequestMessage(HttpMethod.Get, url);
        weak.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag, isWeak: true));
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(weak)).StatusCode);

        using var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        var full = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.NotEmpty(await full.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Different_answers_have_different_etags()
    {
        var client = factory.CreateClient();
        var all = await client.GetAsync("/api/v1/platforms");
        var sorted = await client.GetAsync("/api/v1/platforms?sort=-name");

        Assert.NotEqual(all.Headers.ETag, sorted.Headers.ETag);
    }

    [Fact]
    public async Task Reads_are_open_to_any_origin_with_the_etag_exposed()
    {
        var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/platforms");
        request.Headers.Add("Origin", "https://someone-else.example");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("ETag", response.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_preflight_allows_get_and_head_only()
    {
        var client = factory.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/platforms/colab");
        preflight.Headers.Add("Origin", "https://someone-else.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        var response = await client.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("GET,HEAD", response.Headers.GetValues("Access-Control-Allow-Methods").Single());

        using var deletePreflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/platforms/colab");
        deletePreflight.Headers.Add("Origin", "https://someone-else.example");
        deletePreflight.Headers.Add("Access-Control-Request-Method", "DELETE");
        var refused = await client.SendAsync(deletePreflight);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Methods")
            && refused.Headers.GetValues("Access-Control-Allow-Methods").Single().Contains("DELETE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_catalog_edit_shows_in_the_next_answer_with_a_new_etag()
    {
        await using var own = PortalHost.For(PortalHostOptions.Lenient);
        var client = own.CreateClient();
        var before = await client.GetAsync("/api/v1/platforms/kaggle");
        var etag = before.Headers.ETag!;

        await own.EditCatalogAsync(db =>
        {
            db.Platforms.Single(p => p.Slug == "kaggle").Vendor = "Google";
            return Task.CompletedTask;
        });

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/v1/platforms/kaggle");
        conditional.Headers.IfNoneMatch.Add(etag);
        var after = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(etag, after.Headers.ETag);
        Assert.Contains("\"vendor\":\"Google\"", await after.Content.ReadAsStringAsync());

        var list = await client.GetStringAsync("/api/v1/platforms?q=google");
        Assert.Contains("\"slug\":\"kaggle\"", list);
    }
}
