using System.Net;
using System.Text.RegularExpressions;

namespace FreeGpuPortal.IntegrationTests;

public sealed class ComparePageTests(PortalHost factory) : IClassFixture<PortalHost>
{
    private async Task<string> GetAsync(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The platforms marked better in one row, in column order.</summary>
    private static string[] BestIn(string html, string row)
    {
        var tr = Regex.Match(html, $"<tr data-row=\"{Regex.Escape(row)}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(tr.Success, $"row {row} is missing");
        return [.. Regex.Matches(tr.Groups[1].Value, "<td class=\"best\" data-platform=\"([^\"]+)\"").Select(m => m.Groups[1].Value)];
    }

    private static string[] Rows(string html) =>
        [.. Regex.Matches(html, "<tr data-row=\"([^\"]+)\"").Select(m => m.Groups[1].Value)];

    [Fact]
    public async Task Two_platforms_side_by_side_with_the_better_value_marked_by_the_sorting_rules()
    {
        var html = await GetAsync("/compare?p=colab,kaggle");

        Assert.Equal(["colab", "kaggle"], Regex.Matches(html, "<th scope=\"col\" data-platform=\"([^\"]+)\"").Select(m => m.Groups[1].Value));
        Assert.Equal(["kaggle"], BestIn(html, "gpuMemory")); // guaranteed 16 GB against colab's 8
        Assert.Empty(BestIn(html, "session")); // 12 h against "not stated": unknown is neither better nor worse
        Assert.Equal(["colab"], BestIn(html, "idle")); // 30 min against 20
        Assert.Equal(["colab"], BestIn(html, "weekly")); // no quota beats 30–41 h
        Assert.Empty(BestIn(html, "ram")); // 13 GB both: nothing is better
        Assert.Empty(BestIn(html, "feature-private-notebooks")); // both offer it
        Assert.Empty(BestIn(html, "feature-tpu")); // colab's "yes" against kaggle's "not stated"
        Assert.Empty(BestIn(html, "feature-background-execution")); // kaggle's "yes" against colab's "not stated"
        Assert.Contains("8–16 GB", html);
        Assert.Contains("towardsdatascience.com", html); // sources at a tap
    }

    [Fact]
    public async Task Differences_only_hides_rows_where_every_platform_reads_the_same()
    {
        var all = Rows(await GetAsync("/compare?p=colab,kaggle"));
        var differences = Rows(await GetAsync("/compare?p=colab,kaggle&diff=1"));

        Assert.Contains("ram", all);
        Assert.DoesNotContain("ram", differences);
        Assert.DoesNotContain("feature-private-notebooks", differences);
        Assert.DoesNotContain("verified", differences); // "not stated" for both
        Assert.Contains("gpuMemory", differences);
        Assert.Contains("weekly", differences);
        Assert.True(differences.Length < all.Length);
    }

    [Fact]
    public async Task The_toggle_and_the_table_form_give_shareable_urls()
    {
        var compare = await GetAsync("/compare?p=kaggle&p=gradient");
        var table = await GetAsync("/");

        Assert.Contains("href=\"compare?p=kaggle,gradient&amp;diff=1\"", compare);
        Assert.Contains("<form id=\"compare-form\" method=\"get\" action=\"compare\"", table);
        Assert.Equal(3, Regex.Matches(table, "form=\"compare-form\" name=\"p\" value=\"(colab|kaggle|gradient)\"").Count);
    }

    [Theory]
    [InlineData("/compare", null)]
    [InlineData("/compare?p=colab", null)]
    [InlineData("/compare?p=colab,nope", "The platform ‘nope’ is not in the catalog — ignored.")]
    [InlineData("/compare?p=%3Cscript%3Ealert(1)%3C/script%3E,colab", "The platform ‘&lt;script&gt;alert(1)&lt;/script&gt;’ is not in the catalog")]
    public async Task Fewer_than_two_known_platforms_explain_what_to_do(string url, string? notice)
    {
        var html = await GetAsync(url);

        Assert.Contains("data-testid=\"compare-too-few\"", html);
        Assert.Contains("Pick between 2 and 4 platforms to compare", html);
        if (notice is not null)
        {
            Assert.Contains(notice, html);
        }

        Assert.DoesNotContain("<script>alert(1)", html);
    }
}
