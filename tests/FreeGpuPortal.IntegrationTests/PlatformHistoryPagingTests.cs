using System.Globalization;
using System.Net;

using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Components.Pages.Platforms;

using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.IntegrationTests;

/// <summary>
/// The platform page's history on the real app, output cache on: one page of changes at a time, each page at its own
/// address (so the cache never answers one page for another), and a bad page number read as the first page with a note.
/// </summary>
public sealed class PlatformHistoryPagingTests : IAsyncLifetime
{
    private static readonly Actor Admin = new("paging-admin", "paging-admin@example.org");
    private readonly PortalHost _factory = new();

    public async Task InitializeAsync()
    {
        _ = _factory.CreateClient();
        var editor = _factory.Services.GetRequiredService<CatalogEditor>();
        for (var save = 1; save <= PlatformHistory.PageSize + 2; save++)
        {
            var colab = (await editor.GetForEditAsync("colab"))!;
            colab.Vendor = "Vendor " + save.ToString(CultureInfo.InvariantCulture);
            var result = await editor.UpdateAsync(new PlatformChangeRequest(colab, ChangeEvidence.None, Admin));
            Assert.IsType<EditResult.Success>(result);
        }
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Each_page_of_a_platforms_history_has_its_own_address_and_the_cache_keeps_them_apart()
    {
        var client = _factory.CreateClient();

        var first = await client.GetStringAsync("/platforms/colab");
        var second = await client.GetStringAsync($"/platforms/colab?{PlatformHistory.PageParameter}=2");
        var firstAgain = await client.GetStringAsync("/platforms/colab");

        Assert.Equal(PlatformHistory.PageSize, Count(first, "class=\"history-entry\""));
        Assert.Contains("Vendor 22", first);
        Assert.DoesNotContain("data-kind=\"Seed\"", first);
        Assert.Contains("23 changes · page 1 of 2", first);
        Assert.Contains($"href=\"platforms/colab?{PlatformHistory.PageParameter}=2#history-heading\"", first);

        Assert.Equal(3, Count(second, "class=\"history-entry\"")); // the two oldest saves and the seed
        Assert.Contains("data-kind=\"Seed\"", second);
        Assert.DoesNotContain("Vendor 22", second);
        Assert.Contains("23 changes · page 2 of 2", second);

        Assert.Equal(first, firstAgain);
    }

    [Theory]
    [InlineData("/platforms/colab?historyPage=zwei", "The page in the address is not a page number: showing the first page.", 1)]
    [InlineData("/platforms/colab?historyPage=99", "There is no page 99: showing page 2, the last one.", 2)]
    [InlineData("/zh-CN/platforms/colab?historyPage=-1", "地址中的页码无效：显示第一页。", 1)]
    [InlineData("/zh-CN/platforms/colab?historyPage=3", "没有第 3 页：显示最后一页，第 2 页。", 2)]
    public async Task A_page_number_that_is_not_there_shows_a_page_with_a_note(string url, string notice, int shownPage)
    {
        var response = await _factory.CreateClient().GetAsync(url);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(notice, html);
        Assert.Contains($"<span aria-current=\"page\">{shownPage}</span>", html);
    }

    private static int Count(string html, string marker)
    {
        var count = 0;
        for (var at = html.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = html.IndexOf(marker, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
