using System.Net;
using System.Text.Json;

namespace FreeGpuPortal.IntegrationTests.Api;

/// <summary>For the same query string, the page, the JSON and the CSV list the same platforms in the same order.</summary>
public sealed class PageAndApiAgreeTests(LenientPortal factory) : IClassFixture<LenientPortal>
{
    private static readonly string[] Cases =
    [
        "",
        "?q=t4",
        "?q=PAPERSPACE",
        "?q=tesla%20p100",
        "?q=tesla+p100",
        "?minGpuMemoryGb=12",
        "?minGpuMemoryGb=12&gpuMemory=guaranteed",
        "?minGpuMemoryGb=12&gpuMemory=possible",
        "?minGpuMemoryGb=8",
        "?minGpuMemoryGb=40",
        "?gpuMemory=possible",
        "?minSessionHours=7",
        "?minSessionHours=0",
        "?minIdleMinutes=25",
        "?minIdleMinutes=60",
        "?minWeeklyGpuHours=30",
        "?minWeeklyGpuHours=500",
        "?features=private-notebooks",
        "?features=private-notebooks,background-execution",
        "?features=tpu&features=private-notebooks",
        "?status=all",
        "?status=active",
        "?sort=name",
        "?sort=-name",
        "?sort=gpuMemoryGb",
        "?sort=-gpuMemoryGb",
        "?sort=-gpuMemoryGb&gpuMemory=possible",
        "?sort=sessionHours",
        "?sort=-sessionHours",
        "?sort=idleMinutes",
        "?sort=-idleMinutes",
        "?sort=weeklyGpuHours",
        "?sort=-weeklyGpuHours",
        "?sort=cpuCores",
        "?sort=-cpuCores",
        "?sort=ramGb",
        "?sort=-ramGb",
        "?sort=storageGb",
        "?sort=-storageGb",
        "?sort=lastVerified",
        "?sort=-lastVerified",
        "?SORT=-RAMGB",
        "?minGpuMemoryGb=8&features=private-notebooks&sort=-gpuMemoryGb",
        "?minGpuMemoryGb=8&gpuMemory=possible&minWeeklyGpuHours=10&sort=-weeklyGpuHours",
        "?q=tesla&minSessionHours=6&minIdleMinutes=20&status=all&sort=-idleMinutes",
        "?minGpuMemoryGb=&minSessionHours=&features=&q=", // empty form fields mean "not set"
    ];

    /// <summary>Every case in both languages: the Chinese page (under /zh-CN/) against the API asked with lang=zh-CN.</summary>
    public static TheoryData<string, string> QueryStrings()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in new[] { "en", "zh-CN" })
        {
            foreach (var queryString in Cases)
            {
                data.Add(queryString, language);
            }
        }

        return data;
    }

    private static string PagePath(string queryString, string language) => (language == "zh-CN" ? "/zh-CN/" : "/") + queryString;

    private static string ApiPath(string path, string queryString, string language) =>
        path + queryString + (queryString.Length == 0 ? "?" : "&") + "lang=" + language;

    [Theory]
    [MemberData(nameof(QueryStrings))]
    public async Task Json_and_csv_list_the_pages_rows_in_the_pages_order(string queryString, string language)
    {
        var client = factory.CreateClient();
        var page = await client.GetAsync(PagePath(queryString, language));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("data-testid=\"query-notices\"", html);
        Assert.Contains($"<html lang=\"{language}\"", html, StringComparison.Ordinal);
        var pageRows = Html.PlatformRows(html);

        var json = await client.GetAsync(ApiPath("/api/v1/platforms", queryString, language));
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var body = await json.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(body);
        var platforms = document.RootElement.GetProperty("platforms").EnumerateArray().ToList();
        var apiRows = platforms.Select(p => p.GetProperty("slug").GetString()!).ToList();
        Assert.Equal(pageRows, apiRows);
        Assert.Equal(pageRows.Count, document.RootElement.GetProperty("count").GetInt32());

        // The text values are in the language asked for: every feature name of the rows, in Chinese or in English.
        var featureNames = platforms.SelectMany(p => p.GetProperty("features").EnumerateArray()).Select(f => f.GetProperty("name").GetString()!).ToList();
        Assert.All(featureNames, name => Assert.Equal(language == "zh-CN", System.Text.RegularExpressions.Regex.IsMatch(name, @"\p{IsCJKUnifiedIdeographs}")));

        var csv = await client.GetAsync(ApiPath("/api/v1/platforms.csv", queryString, language));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var records = Csv.Parse(await csv.Content.ReadAsStringAsync());
        Assert.Equal("Slug", records[0][0]);
        Assert.Equal(pageRows, records.Skip(1).Select(r => r[0]).ToList());
    }

    [Theory]
    [InlineData("")]
    [InlineData("?sort=-gpuMemoryGb")]
    [InlineData("?features=private-notebooks")]
    public async Task Chinese_and_English_list_the_same_rows_in_the_same_order(string queryString)
    {
        var client = factory.CreateClient();

        var english = Html.PlatformRows(await client.GetStringAsync(PagePath(queryString, "en")));
        var chinese = Html.PlatformRows(await client.GetStringAsync(PagePath(queryString, "zh-CN")));

        Assert.Equal(english, chinese);
        Assert.NotEmpty(english);
    }

    [Fact]
    public async Task The_cases_above_cover_every_outcome_not_just_the_default_order()
    {
        var client = factory.CreateClient();
        var orders = new HashSet<string>();
        foreach (var queryString in Cases)
        {
            var html = await client.GetStringAsync("/" + queryString);
            orders.Add(string.Join(',', Html.PlatformRows(html)));
        }

        // Empty, one, two and three rows, in several orders: the agreement above is not a coincidence of defaults.
        Assert.Contains("", orders);
        Assert.Contains("kaggle", orders);
        Assert.Contains("colab,kaggle", orders);
        Assert.Contains("colab,kaggle,gradient", orders);
        Assert.Contains("gradient,kaggle,colab", orders);
        Assert.Contains("kaggle,colab,gradient", orders);
        Assert.True(orders.Count >= 8, string.Join(" | ", orders));
    }

    [Fact]
    public async Task The_list_names_its_canonical_query_and_the_matching_page_and_csv()
    {
        var client = factory.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/api/v1/platforms?sort=-gpuMemoryGb&minGpuMemoryGb=12.0&gpuMemory=POSSIBLE"));
        var root = document.RootElement;

        Assert.Equal("?minGpuMemoryGb=12&gpuMemory=possible&sort=-gpuMemoryGb", root.GetProperty("query").GetString());
        var links = root.GetProperty("links");
        Assert.Equal("/api/v1/platforms?minGpuMemoryGb=12&gpuMemory=possible&sort=-gpuMemoryGb", links.GetProperty("self").GetString());
        Assert.Equal("/?minGpuMemoryGb=12&gpuMemory=possible&sort=-gpuMemoryGb", links.GetProperty("page").GetString());
        Assert.Equal("/api/v1/platforms.csv?minGpuMemoryGb=12&gpuMemory=possible&sort=-gpuMemoryGb", links.GetProperty("csv").GetString());

        var pageRows = Html.PlatformRows(await client.GetStringAsync(links.GetProperty("page").GetString()));
        Assert.Equal(["colab", "kaggle"], pageRows);
    }
}
