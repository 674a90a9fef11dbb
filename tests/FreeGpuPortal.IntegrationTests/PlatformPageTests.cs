using System.Net;

namespace FreeGpuPortal.IntegrationTests;

public sealed class PlatformPageTests(PortalHost factory) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task Kaggle_page_holds_its_seeded_facts_with_sources()
    {
        var response = await factory.CreateClient().GetAsync("/platforms/kaggle");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1 class=\"page-title\" data-platform=\"kaggle\">Kaggle</h1>", html);
        Assert.Contains("Tesla P100 (PCIe)", html);
        Assert.Contains("16 GB", html);
        Assert.Contains("Pascal", html);
        Assert.Contains("30–41 h", html);
        Assert.Contains("Resets every Saturday at midnight UTC.", html);
        Assert.Contains("2 × Intel Xeon 2.00 GHz", html);
        Assert.Contains("20 min", html);
        Assert.Contains("Commit mode runs code in the background", html); // a pro
        Assert.Contains("A dynamic weekly GPU quota of at least 30 hours (usually 30–41 hours)", html); // a con
        Assert.Contains("https://towardsdatascience.com/free-gpus-for-training-your-deep-learning-models-c1ce47863350", html);
        Assert.Contains("https://www.kaggle.com/docs/notebooks", html);
        Assert.Contains("<code>nvidia-smi</code>", html);
        Assert.Contains("<code>lscpu</code>", html);
        Assert.Contains("<code>cat /proc/meminfo</code>", html);
        Assert.Contains("class=\"not-stated\"", html); // storage and max session are not stated
        Assert.Contains("Active", html);
    }

    [Fact]
    public async Task Colab_page_lists_every_gpu_it_may_assign_with_the_authors_observation()
    {
        var html = await factory.CreateClient().GetStringAsync("/platforms/colab");

        foreach (var gpu in new[] { "tesla-k80", "tesla-t4", "tesla-p4", "tesla-p100" })
        {
            Assert.Contains($"data-gpu=\"{gpu}\"", html);
        }

        Assert.Contains("The author was assigned a Tesla K80 with about 12 GB.", html);
        Assert.Contains("8–16 GB", html);
        Assert.Contains("Runtime → Change runtime type → Hardware accelerator: GPU.", html);
    }

    [Theory]
    [InlineData("/platforms/no-such-platform")]
    [InlineData("/platforms/%3Cscript%3E")]
    [InlineData("/no/such/page")]
    public async Task Unknown_addresses_give_a_real_404_page(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", html);
        Assert.Contains("Back to the comparison", html);
        Assert.DoesNotContain("<script>", html.Replace("<script src=", "", StringComparison.Ordinal));
    }
}
