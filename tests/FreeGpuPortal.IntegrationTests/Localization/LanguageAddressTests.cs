using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;

using Microsoft.AspNetCore.Mvc.Testing;

namespace FreeGpuPortal.IntegrationTests.Localization;

/// <summary>
/// The Chinese pages live under /zh-CN/ with the same paths and query strings; English stays at the root. Each page
/// says its language, names its canonical address and both language versions, and links to the other language; the
/// output cache keeps the two apart; the API takes lang or Accept-Language.
/// </summary>
public sealed partial class LanguageAddressTests(PortalHost factory) : IClassFixture<PortalHost>
{
    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [GeneratedRegex("<html lang=\"([^\"]+)\"")]
    private static partial Regex HtmlLang();

    [GeneratedRegex("<base href=\"([^\"]*)\"")]
    private static partial Regex BaseHref();

    [GeneratedRegex("<a class=\"language-switch\" href=\"([^\"]+)\"")]
    private static partial Regex LanguageSwitch();

    [Theory]
    [InlineData("/")]
    [InlineData("/?sort=-gpuMemoryGb")]
    [InlineData("/platforms/kaggle")]
    [InlineData("/compare?p=kaggle,colab")]
    [InlineData("/platforms/colab/report")]
    [InlineData("/api")]
    [InlineData("/status")]
    [InlineData("/Account/Login")]
    [InlineData("/Account/ForgotPassword")]
    public async Task Every_page_answers_in_both_languages_with_its_own_lang_and_base(string path)
    {
        var client = Client();
        var english = await client.GetAsync(path);
        var chinese = await client.GetAsync("/zh-CN" + path);

        Assert.Equal(HttpStatusCode.OK, english.StatusCode);
        Assert.Equal(HttpStatusCode.OK, chinese.StatusCode);
        var englishHtml = await english.Content.ReadAsStringAsync();
        var chineseHtml = await chinese.Content.ReadAsStringAsync();
        Assert.Equal("en", HtmlLang().Match(englishHtml).Groups[1].Value);
        Assert.Equal("zh-CN", HtmlLang().Match(chineseHtml).Groups[1].Value);
        Assert.Equal("/", BaseHref().Match(englishHtml).Groups[1].Value);
        Assert.Equal("/zh-CN/", BaseHref().Match(chineseHtml).Groups[1].Value);
    }

    [Theory]
    [InlineData("/platforms/kaggle", "platforms/kaggle")]
    [InlineData("/?sort=-gpuMemoryGb&minGpuMemoryGb=12", "")]
    [InlineData("/compare?p=kaggle,colab", "compare")]
    public async Task Each_page_names_its_canonical_address_and_both_languages(string path, string canonicalPath)
    {
        foreach (var (prefix, own) in new[] { ("", "http://localhost/"), ("/zh-CN", "http://localhost/zh-CN/") })
        {
            var html = await Client().GetStringAsync(prefix + path);
            var head = html[..html.IndexOf("</head>", StringComparison.Ordinal)];

            Assert.Single(Regex.Matches(head, "<link rel=\"canonical\""));
            Assert.Contains($"<link rel=\"canonical\" href=\"{own}{canonicalPath}\" />", head, StringComparison.Ordinal);
            Assert.Contains($"<link rel=\"alternate\" hreflang=\"en\" href=\"http://localhost/{canonicalPath}\" />", head, StringComparison.Ordinal);
            Assert.Contains($"<link rel=\"alternate\" hreflang=\"zh-CN\" href=\"http://localhost/zh-CN/{canonicalPath}\" />", head, StringComparison.Ordinal);
            Assert.Contains($"<link rel=\"alternate\" hreflang=\"x-default\" href=\"http://localhost/{canonicalPath}\" />", head, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?sort=-gpuMemoryGb&features=private-notebooks")]
    [InlineData("/platforms/kaggle")]
    [InlineData("/compare?p=kaggle,colab")]
    [InlineData("/Account/Login")]
    public async Task The_language_switch_keeps_the_path_and_the_query(string path)
    {
        var english = await Client().GetStringAsync(path);
        var chinese = await Client().GetStringAsync("/zh-CN" + path);

        Assert.Equal(System.Net.WebUtility.HtmlEncode("/zh-CN" + path), LanguageSwitch().Match(english).Groups[1].Value);
        Assert.Equal(System.Net.WebUtility.HtmlEncode(path), LanguageSwitch().Match(chinese).Groups[1].Value);
    }

    [Fact]
    public async Task English_pages_carry_a_hidden_suggestion_in_Chinese_and_Chinese_pages_none()
    {
        var english = await Client().GetStringAsync("/platforms/kaggle");
        var chinese = await Client().GetStringAsync("/zh-CN/platforms/kaggle");

        var suggestion = Regex.Match(english, "<aside class=\"language-suggestion\"[^>]*>(.*?)</aside>", RegexOptions.Singleline);
        Assert.True(suggestion.Success);
        Assert.Contains(" hidden ", suggestion.Value, StringComparison.Ordinal);
        Assert.Contains("lang=\"zh-CN\"", suggestion.Value, StringComparison.Ordinal);
        Assert.Contains("href=\"/zh-CN/platforms/kaggle\"", suggestion.Value, StringComparison.Ordinal);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", suggestion.Groups[1].Value);
        Assert.DoesNotContain("language-suggestion", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visitor_who_prefers_Chinese_is_never_redirected()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9");
        var response = await Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("en", HtmlLang().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value);
    }

    [Theory]
    [InlineData("/zh-cn/platforms/kaggle", "/zh-CN/platforms/kaggle")]
    [InlineData("/ZH-CN/?sort=-gpuMemoryGb", "/zh-CN/?sort=-gpuMemoryGb")]
    public async Task The_prefix_in_another_case_redirects_to_the_canonical_one(string path, string target)
    {
        var response = await Client().GetAsync(path);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(target, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_missing_page_under_the_prefix_is_the_Chinese_not_found_page()
    {
        var response = await Client().GetAsync("/zh-CN/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("zh-CN", HtmlLang().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value);
    }

    [Fact]
    public async Task The_admin_area_under_the_prefix_sends_to_the_Chinese_sign_in_and_back()
    {
        var response = await Client().GetAsync("/zh-CN/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("http://localhost/zh-CN/Account/Login?ReturnUrl=", location, StringComparison.Ordinal);
        Assert.EndsWith("ReturnUrl=%2Fzh-CN%2Fadmin", location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_output_cache_keeps_the_languages_apart_on_a_warm_cache()
    {
        var client = Client();
        var languages = new List<string>();
        var ages = new List<bool>();
        foreach (var path in new[] { "/", "/zh-CN/", "/", "/zh-CN/", "/" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            languages.Add(HtmlLang().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value);
            ages.Add(response.Headers.Age is not null);
        }

        Assert.Equal(["en", "zh-CN", "en", "zh-CN", "en"], languages);
        // The repeats came from the cache: each language has an entry of its own.
        Assert.Equal([true, true, true], ages.Skip(2));
    }

    [Fact]
    public async Task The_api_takes_lang_or_accept_language_and_refuses_an_unknown_language()
    {
        var client = Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/platforms?lang=zh-CN")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/platforms?lang=en&sort=-gpuMemoryGb")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/platforms.csv?lang=zh-CN")).StatusCode);

        var refused = await client.GetAsync("/api/v1/platforms?lang=fr");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("lang", out _));

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/platforms");
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task The_Chinese_home_page_and_every_platform_page_hold_Chinese_headings()
    {
        var client = Client();
        var home = await client.GetStringAsync("/zh-CN/");
        Assert.Contains("<h1", home, StringComparison.Ordinal);
        Assert.Contains("用于训练深度学习模型的免费 GPU 平台", home, StringComparison.Ordinal);
        Assert.Contains("单次会话最长时间", home, StringComparison.Ordinal);
        Assert.Contains("空闲超时", home, StringComparison.Ordinal);
        Assert.Contains("每周 GPU 配额", home, StringComparison.Ordinal);

        foreach (var slug in Html.PlatformRows(home))
        {
            var page = await client.GetStringAsync($"/zh-CN/platforms/{slug}");
            Assert.Contains(">规格</h2>", page, StringComparison.Ordinal);
            Assert.Contains("如何开始", page, StringComparison.Ordinal);
            Assert.Contains("检查会话中的硬件", page, StringComparison.Ordinal);
        }

        Assert.Equal(3, Html.PlatformRows(home).Count);
    }
}
