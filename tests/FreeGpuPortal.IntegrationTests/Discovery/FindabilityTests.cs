using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

using FreeGpuPortal.Web.Catalog;

using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.IntegrationTests.Discovery;

/// <summary>What search engines read: robots.txt, the sitemap, each page's description and canonical link, and the Dataset JSON-LD.</summary>
public sealed class FindabilityTests(PortalHost factory) : IClassFixture<PortalHost>
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private HttpClient Client() => factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task Robots_keep_crawlers_out_of_admin_and_account_pages_and_point_to_the_sitemap()
    {
        var response = await Client().GetAsync("/robots.txt");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = text.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Equal("User-agent: *", lines[0]);
        Assert.Contains("Disallow: /admin", lines);
        Assert.Contains("Disallow: /Account", lines);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", lines);
        Assert.DoesNotContain("Disallow: /", lines);
    }

    [Fact]
    public async Task The_sitemap_lists_the_home_page_every_platform_page_and_the_api_page()
    {
        var client = Client();
        var response = await client.GetAsync("/sitemap.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(Sitemap + "urlset", document.Root!.Name);
        var locations = document.Root.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value).ToList();
        var snapshot = await factory.Services.GetRequiredService<CatalogReader>().GetAsync();
        var slugs = snapshot.Platforms.Select(p => p.Slug).ToList();
        Assert.Contains("kaggle", slugs);
        Assert.Equal(
            [
                "http://localhost/", "http://localhost/api", .. slugs.Select(s => $"http://localhost/platforms/{s}"),
                "http://localhost/zh-CN/", "http://localhost/zh-CN/api", .. slugs.Select(s => $"http://localhost/zh-CN/platforms/{s}"),
            ],
            locations,
            new SameSet());
        Assert.DoesNotContain(locations, l => l.Contains("/admin", StringComparison.OrdinalIgnoreCase) || l.Contains("/compare", StringComparison.Ordinal));
        Assert.All(
            document.Root.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "lastmod")?.Value).OfType<string>(),
            d => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", d));
        foreach (var location in locations)
        {
            var page = await client.GetAsync(new Uri(location).PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }

    [Theory]
    [InlineData("/", "http://localhost/")]
    [InlineData("/?gpu_memory_min=16&sort=session", "http://localhost/")]
    [InlineData("/platforms/kaggle", "http://localhost/platforms/kaggle")]
    [InlineData("/api", "http://localhost/api")]
    [InlineData("/compare?platforms=kaggle,colab", "http://localhost/compare")]
    [InlineData("/platforms/kaggle/report", "http://localhost/platforms/kaggle/report")]
    public async Task Every_public_page_has_a_description_and_a_canonical_link(string path, string canonical)
    {
        var html = await Client().GetStringAsync(path);

        var head = html[..html.IndexOf("</head>", StringComparison.Ordinal)];
        var description = Regex.Match(head, "<meta name=\"description\" content=\"([^\"]+)\"");
        Assert.True(description.Success, $"{path} has no meta description");
        Assert.InRange(description.Groups[1].Value.Length, 50, 300);
        Assert.Single(Regex.Matches(head, "<link rel=\"canonical\""));
        Assert.Contains($"<link rel=\"canonical\" href=\"{canonical}\"", head, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_describes_the_catalog_as_a_schema_org_dataset()
    {
        var html = await Client().GetStringAsync("/");

        var scripts = Regex.Matches(html, "<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline);
        var json = Assert.Single(scripts).Groups[1].Value;
        using var document = JsonDocument.Parse(json);
        var dataset = document.RootElement;
        Assert.Equal("https://schema.org", dataset.GetProperty("@context").GetString());
        Assert.Equal("Dataset", dataset.GetProperty("@type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(dataset.GetProperty("name").GetString()));
        Assert.InRange(dataset.GetProperty("description").GetString()!.Length, 50, 5000);
        Assert.Equal("http://localhost/", dataset.GetProperty("url").GetString());

        var distributions = dataset.GetProperty("distribution").EnumerateArray().ToList();
        Assert.All(distributions, d => Assert.Equal("DataDownload", d.GetProperty("@type").GetString()));
        Assert.Contains(distributions, d => d.GetProperty("encodingFormat").GetString() == "application/json"
            && d.GetProperty("contentUrl").GetString() == "http://localhost/api/v1/platforms");
        Assert.Contains(distributions, d => d.GetProperty("encodingFormat").GetString() == "text/csv"
            && d.GetProperty("contentUrl").GetString() == "http://localhost/api/v1/platforms.csv");

        var sources = dataset.GetProperty("isBasedOn").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Contains("https://www.kaggle.com/docs/notebooks", sources);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", dataset.GetProperty("dateModified").GetString()!);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", dataset.GetProperty("datePublished").GetString()!);
        Assert.Contains(dataset.GetProperty("about").EnumerateArray(), a => a.GetProperty("name").GetString() == "Kaggle");

        // The distributions it names are real.
        var csv = await Client().GetAsync("/api/v1/platforms.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/platforms/kaggle")]
    [InlineData("/changes.atom")]
    [InlineData("/sitemap.xml")]
    [InlineData("/robots.txt")]
    public async Task Public_pages_and_documents_stay_cookie_free_and_cacheable(string path)
    {
        var client = Client();
        var first = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("Set-Cookie"), $"{path} sets a cookie");
        Assert.DoesNotContain("no-store", first.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);

        var second = await client.GetAsync(path);
        Assert.NotNull(second.Headers.Age); // answered from the output cache
    }

    private sealed class SameSet : IEqualityComparer<IEnumerable<string>>
    {
        public bool Equals(IEnumerable<string>? x, IEnumerable<string>? y) =>
            x is not null && y is not null && x.Order(StringComparer.Ordinal).SequenceEqual(y.Order(StringComparer.Ordinal));

        public int GetHashCode(IEnumerable<string> obj) => 0;
    }
}
