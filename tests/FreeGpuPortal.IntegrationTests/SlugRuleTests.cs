using System.Net;

using Microsoft.AspNetCore.Mvc.Testing;

namespace FreeGpuPortal.IntegrationTests;

/// <summary>One rule for slugs everywhere: any case matches, and the lower-case address is the one address.</summary>
public sealed class SlugRuleTests(PortalHost factory) : IClassFixture<PortalHost>
{
    private HttpClient NoRedirects() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [InlineData("/platforms/COLAB", "/platforms/colab")]
    [InlineData("/platforms/Kaggle?x=1", "/platforms/kaggle?x=1")]
    [InlineData("/platforms/Colab/report", "/platforms/colab/report")]
    [InlineData("/api/v1/platforms/GRADIENT", "/api/v1/platforms/gradient")]
    [InlineData("/compare?p=COLAB,Kaggle&diff=1", "/compare?p=colab,kaggle&diff=1")]
    [InlineData("/compare?p=Colab&p=kaggle", "/compare?p=colab&p=kaggle")]
    [InlineData("/platforms/NOPE", "/platforms/nope")]
    public async Task A_slug_in_another_case_redirects_permanently_to_the_lower_case_address(string url, string canonical)
    {
        var response = await NoRedirects().GetAsync(url);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(canonical, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/platforms/colab")]
    [InlineData("/platforms/colab/report")]
    [InlineData("/api/v1/platforms/gradient")]
    [InlineData("/compare?p=colab,kaggle")]
    [InlineData("/compare?p=%3Cscript%3E,colab")]
    public async Task A_canonical_address_is_answered_directly(string url)
    {
        var response = await NoRedirects().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Following_the_redirect_gives_the_same_page_and_api_answer_as_the_canonical_address()
    {
        var client = factory.CreateClient();

        var page = await client.GetAsync("/platforms/COLAB");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-platform=\"colab\"", await page.Content.ReadAsStringAsync());

        var api = await client.GetAsync("/api/v1/platforms/Kaggle");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Contains("\"slug\":\"kaggle\"", await api.Content.ReadAsStringAsync());

        var compare = await client.GetStringAsync("/compare?p=COLAB,GRADIENT");
        Assert.Contains("<th scope=\"col\" data-platform=\"colab\">", compare);
        Assert.Contains("<th scope=\"col\" data-platform=\"gradient\">", compare);

        var unknown = await client.GetAsync("/platforms/NOPE");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_table_matches_feature_slugs_in_any_case()
    {
        var client = factory.CreateClient();

        var upper = await client.GetStringAsync("/?features=PRIVATE-Notebooks");
        var lower = await client.GetStringAsync("/?features=private-notebooks");

        Assert.Equal(["colab", "kaggle"], Html.PlatformRows(upper));
        Assert.Equal(Html.PlatformRows(lower), Html.PlatformRows(upper));
        Assert.DoesNotContain("data-testid=\"query-notices\"", upper);
    }
}
