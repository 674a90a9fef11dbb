using System.Net;

using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog.Editing;

using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.IntegrationTests;

public sealed class ComparisonPageTests(PortalHost factory) : IClassFixture<PortalHost>
{
    private async Task<string> GetPageAsync(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task First_response_already_holds_the_seeded_comparison()
    {
        var html = await GetPageAsync("/");

        Assert.Equal(["colab", "kaggle", "gradient"], Html.PlatformRows(html));
        Assert.Contains("Google Colab", html);
        Assert.Contains("Paperspace Gradient", html);
        Assert.Contains("8–16 GB", html); // colab may assign K80, T4, P4 or P100
        Assert.Contains("1–6 h", html); // gradient's idle time
        Assert.Contains("30–41 h", html); // kaggle's weekly quota
        Assert.Contains("No weekly quota", html); // colab
        Assert.Contains("8 × Intel Xeon E5-2623", html);
        Assert.Contains("class=\"not-stated\"", html);
        Assert.Contains("towardsdatascience.com/free-gpus-for-training-your-deep-learning-models", html);
        Assert.Contains("href=\"platforms/kaggle\"", html);
        Assert.Contains("3 platforms", html);
    }

    [Theory]
    [InlineData("/?minGpuMemoryGb=12", "kaggle")]
    [InlineData("/?minGpuMemoryGb=12&gpuMemory=guaranteed", "kaggle")]
    [InlineData("/?minGpuMemoryGb=12&gpuMemory=possible", "colab,kaggle")]
    [InlineData("/?minGpuMemoryGb=8", "colab,kaggle,gradient")]
    [InlineData("/?minGpuMemoryGb=8&gpuMemory=possible", "colab,kaggle,gradient")]
    [InlineData("/?minSessionHours=7", "colab")]
    [InlineData("/?minIdleMinutes=25", "colab,gradient")]
    [InlineData("/?minIdleMinutes=60", "gradient")]
    [InlineData("/?minWeeklyGpuHours=30", "colab,kaggle")]
    [InlineData("/?minWeeklyGpuHours=500", "colab")]
    [InlineData("/?features=private-notebooks", "colab,kaggle")]
    [InlineData("/?features=private-notebooks,background-execution", "kaggle")]
    [InlineData("/?features=tpu&features=private-notebooks", "colab")]
    [InlineData("/?q=t4", "colab")]
    [InlineData("/?q=PAPERSPACE", "gradient")]
    [InlineData("/?q=tesla%20p100", "colab,kaggle")]
    [InlineData("/?sort=-name", "gradient,kaggle,colab")]
    [InlineData("/?sort=gpuMemoryGb", "colab,gradient,kaggle")]
    [InlineData("/?sort=-gpuMemoryGb", "kaggle,colab,gradient")]
    [InlineData("/?sort=-gpuMemoryGb&gpuMemory=possible", "colab,kaggle,gradient")]
    [InlineData("/?sort=sessionHours", "gradient,colab,kaggle")]
    [InlineData("/?sort=-sessionHours", "colab,gradient,kaggle")]
    [InlineData("/?sort=idleMinutes", "kaggle,colab,gradient")]
    [InlineData("/?sort=-idleMinutes", "gradient,colab,kaggle")]
    [InlineData("/?sort=weeklyGpuHours", "kaggle,colab,gradient")]
    [InlineData("/?sort=-weeklyGpuHours", "colab,kaggle,gradient")]
    [InlineData("/?sort=-cpuCores", "gradient,colab,kaggle")]
    [InlineData("/?sort=ramGb", "colab,kaggle,gradient")]
    [InlineData("/?sort=-ramGb", "gradient,colab,kaggle")]
    [InlineData("/?sort=storageGb", "gradient,colab,kaggle")]
    [InlineData("/?sort=-storageGb", "colab,gradient,kaggle")]
    [InlineData("/?sort=-lastVerified", "colab,kaggle,gradient")]
    [InlineData("/?minGpuMemoryGb=8&features=private-notebooks&sort=-gpuMemoryGb", "kaggle,colab")]
    public async Task Filtered_and_sorted_urls_return_exactly_the_expected_rows_in_order(string url, string expected)
    {
        var html = await GetPageAsync(url);

        Assert.Equal(expected.Split(','), Html.PlatformRows(html));
        Assert.DoesNotContain("data-testid=\"query-notices\"", html);
    }

    [Theory]
    [InlineData("/?minGpuMemoryGb=abc", "Min GPU memory (GB) ‘abc’ is not a number")]
    [InlineData("/?minGpuMemoryGb=-4", "Min GPU memory (GB) ‘-4’ is negative")]
    [InlineData("/?minSessionHours=NaN", "Min session (h) ‘NaN’ is not a finite number")]
    [InlineData("/?minIdleMinutes=Infinity", "Min idle timeout (min) ‘Infinity’ is not a finite number")]
    [InlineData("/?minWeeklyGpuHours=1e309", "Min weekly GPU hours (h) ‘1e309’ is not a finite number")]
    [InlineData("/?sort=price", "Sort order ‘price’ is not a column that can be sorted")]
    [InlineData("/?features=free-lunch", "Features ‘free-lunch’ is not a known feature")]
    [InlineData("/?gpuMemory=most", "GPU memory mode ‘most’ is not a value this parameter takes")]
    [InlineData("/?status=gone", "Platform status ‘gone’ is not a value this parameter takes")]
    [InlineData("/?sort=name&sort=-ramGb", "Sort order was given more than once — ‘-ramGb’ ignored")]
    [InlineData("/?minGpuMemoryGb=8&minGpuMemoryGb=16", "Min GPU memory (GB) was given more than once — ‘16’ ignored")]
    public async Task Invalid_parameters_give_the_page_with_a_notice_naming_what_was_ignored(string url, string notice)
    {
        var html = await GetPageAsync(url);

        Assert.Contains("data-testid=\"query-notices\"", html);
        Assert.Contains(notice, html);
        Assert.NotEmpty(Html.PlatformRows(html));
    }

    [Fact]
    public async Task A_10_KB_search_string_is_ignored_with_a_notice_and_not_echoed_in_full()
    {
        var huge = new string('x', 10 * 1024);
        var html = await GetPageAsync("/?q=" + huge);

        Assert.Contains("Search ‘xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…’ is too long", html);
        Assert.DoesNotContain(new string('x', 100), html);
        Assert.Equal(3, Html.PlatformRows(html).Count);
    }

    [Fact]
    public async Task Valid_parameters_still_apply_next_to_invalid_ones()
    {
        var html = await GetPageAsync("/?minGpuMemoryGb=12&sort=bogus&features=nope");

        Assert.Equal(["kaggle"], Html.PlatformRows(html));
        Assert.Contains("Sort order ‘bogus’", html);
        Assert.Contains("Features ‘nope’", html);
    }

    [Fact]
    public async Task Text_from_the_url_is_only_ever_rendered_as_text()
    {
        var html = await GetPageAsync("/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E&sort=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E");

        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public async Task No_results_offer_one_click_relaxations_with_their_counts()
    {
        var html = await GetPageAsync("/?minGpuMemoryGb=40&features=tpu");

        Assert.Empty(Html.PlatformRows(html));
        Assert.Contains("No platform matches all of these filters.", html);
        Assert.Contains("href=\"./?features=tpu\"", html); // without the memory filter: colab
        Assert.Contains("href=\"./?minGpuMemoryGb=40\"", html);
        Assert.Contains("(1 platform)", html);
        Assert.Contains("Clear all filters", html);
    }

    [Fact]
    public async Task Sort_headers_are_links_that_toggle_direction_and_keep_filters()
    {
        var html = await GetPageAsync("/?minGpuMemoryGb=8&sort=gpuMemoryGb");

        Assert.Contains("href=\"./?minGpuMemoryGb=8&amp;sort=-gpuMemoryGb\"", html);
        Assert.Contains("href=\"./?minGpuMemoryGb=8&amp;sort=ramGb\"", html);
        Assert.Contains("aria-sort=\"ascending\" data-sort-key=\"gpuMemoryGb\"", html);
    }

    [Fact]
    public async Task Repeated_identical_requests_return_identical_html_so_the_page_can_be_cached()
    {
        var first = await GetPageAsync("/?sort=-ramGb");
        var second = await GetPageAsync("/?sort=-ramGb");

        Assert.Equal(first, second);
        Assert.DoesNotContain("<!--Blazor", first); // no circuit markers or persisted state: nothing per visitor
    }

    [Fact]
    public async Task A_catalog_change_shows_on_the_next_request_although_the_page_is_cached()
    {
        var client = factory.CreateClient();
        const string Url = "/?q=colab&sort=-idleMinutes";
        Assert.Contains(">30 min<", await GetPageAsync(Url));
        var cached = await client.GetAsync(Url);
        Assert.True(cached.Headers.Age is not null, "the second identical request was not served from the output cache");

        var editor = factory.Services.GetRequiredService<CatalogEditor>();
        var admin = new Actor("test-admin-id", "admin@example.org");
        var colab = (await editor.GetForEditAsync("colab"))!;
        colab.IdleTimeoutMinutes = new SpecEditModel { Min = 120, Max = 120, SourceTitle = "test" };
        var saved = Assert.IsType<EditResult.Success>(
            await editor.UpdateAsync(new PlatformChangeRequest(colab, new ChangeEvidence { Note = "Integration test." }, admin)));

        try
        {
            var html = await GetPageAsync(Url);
            Assert.Contains(">2 h<", html);
            Assert.DoesNotContain(">30 min<", html);
            Assert.Contains("2 h", await client.GetStringAsync("/platforms/colab"));
        }
        finally
        {
            Assert.IsType<EditResult.Success>(await editor.RevertAsync(saved.ChangeId, admin, confirmFieldsChangedSince: true));
        }
    }

    [Theory]
    [InlineData("/?q=enhanced-nav-check")]
    [InlineData("/platforms/kaggle?enhanced-nav-check")]
    [InlineData("/compare?p=colab,gradient&enhanced-nav-check")]
    public async Task Cached_and_fresh_responses_carry_the_same_enhanced_navigation_marker(string url)
    {
        // Blazor's script accepts only "allow", exactly; any other value makes it throw the page away and reload it.
        var client = factory.CreateClient();
        using var fresh = new HttpRequestMessage(HttpMethod.Get, url);
        fresh.Headers.TryAddWithoutValidation("Accept", "text/html; blazor-enhanced-nav=on");
        var freshResponse = await client.SendAsync(fresh);
        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.TryAddWithoutValidation("Accept", "text/html; blazor-enhanced-nav=on");
        var cachedResponse = await client.SendAsync(again);

        Assert.Null(freshResponse.Headers.Age);
        Assert.NotNull(cachedResponse.Headers.Age); // the second answer came from the output cache
        Assert.Equal(["allow"], freshResponse.Headers.GetValues("blazor-enhanced-nav"));
        Assert.Equal(["allow"], cachedResponse.Headers.GetValues("blazor-enhanced-nav"));
    }

    [Fact]
    public async Task The_anonymous_page_sets_no_cookie_and_does_not_forbid_caching()
    {
        var response = await factory.CreateClient().GetAsync("/?sort=-ramGb");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain("no-store", response.Headers.CacheControl?.ToString() ?? "");
    }
}
