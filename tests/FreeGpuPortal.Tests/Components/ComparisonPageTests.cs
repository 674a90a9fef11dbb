using AngleSharp.Dom;

using Bunit;

using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Components.Pages.Comparison;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.Tests.Components;

/// <summary>
/// The comparison page rendered over the seeded catalog in a real SQLite database, at the URLs a visitor opens or
/// shares: the rows, their order, the filters, the unknowns, ranges, notices, the no-results help and sort links.
/// </summary>
public sealed class ComparisonPageTests : PortalComponentTest
{
    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<ComparisonPage> RenderAt(string relativeUrl)
    {
        Navigation.NavigateTo(relativeUrl);
        var page = Render<ComparisonPage>();
        page.WaitForElement("[data-testid=result-count]");
        return page;
    }

    private static string RowSlugs(IRenderedComponent<ComparisonPage> page) =>
        string.Join(",", page.FindAll("tr[data-platform]").Select(row => row.GetAttribute("data-platform")));

    private static IElement Cell(IRenderedComponent<ComparisonPage> page, string slug, string column) =>
        page.Find($"tr[data-platform='{slug}'] td[data-column='{column}']");

    [Fact]
    public void The_default_view_lists_every_active_platform_by_name()
    {
        var page = RenderAt("/");

        Assert.Equal("colab,kaggle,gradient", RowSlugs(page));
        Assert.Equal("3 platforms", page.Find("[data-testid=result-count]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=query-notices]"));
        Assert.Empty(page.FindAll("[data-testid=no-results]"));
    }

    [Theory]
    [InlineData("/?sort=-gpuMemoryGb", "kaggle,colab,gradient")] // guaranteed memory: kaggle 16; colab 8 = gradient 8, by name
    [InlineData("/?sort=gpuMemoryGb", "colab,gradient,kaggle")]
    [InlineData("/?sort=gpuMemoryGb&gpuMemory=possible", "gradient,colab,kaggle")]
    [InlineData("/?sort=-sessionHours", "colab,gradient,kaggle")] // kaggle's session is unknown: last
    [InlineData("/?sort=sessionHours", "gradient,colab,kaggle")]
    [InlineData("/?sort=-weeklyGpuHours", "colab,kaggle,gradient")]
    [InlineData("/?sort=-name", "gradient,kaggle,colab")]
    [InlineData("/?minGpuMemoryGb=12", "kaggle")]
    [InlineData("/?minGpuMemoryGb=12&gpuMemory=possible", "colab,kaggle")]
    [InlineData("/?q=t4", "colab")]
    [InlineData("/?minIdleMinutes=25&sort=-idleMinutes", "gradient,colab")]
    [InlineData("/?features=private-notebooks&sort=-ramGb", "colab,kaggle")]
    [InlineData("/?features=private-notebooks,background-execution", "kaggle")]
    public void The_url_sorts_and_filters_the_rows(string url, string expected)
    {
        var page = RenderAt(url);

        Assert.Equal(expected, RowSlugs(page));
    }

    [Fact]
    public void A_filtered_view_counts_its_matches_and_offers_to_clear_the_filters()
    {
        var page = RenderAt("/?minGpuMemoryGb=12&sort=-ramGb");

        var count = page.Find("[data-testid=result-count]");
        Assert.Contains("1 of 3 platforms matches", count.TextContent, StringComparison.Ordinal);
        Assert.Equal("./?sort=-ramGb", page.Find(".result-bar a.clear-all").GetAttribute("href"));
    }

    [Fact]
    public void Unknown_values_read_not_stated()
    {
        var page = RenderAt("/");

        foreach (var (slug, column) in new[] { ("kaggle", "storage"), ("kaggle", "session"), ("gradient", "weekly") })
        {
            var cell = Cell(page, slug, column);
            var notStated = cell.QuerySelector(".not-stated");
            Assert.True(notStated is not null, $"{slug} {column} should read 'not stated' but reads '{cell.TextContent.Trim()}'");
            Assert.Equal("not stated", notStated.TextContent.Trim());
            Assert.Equal("The sources do not state this value.", notStated.GetAttribute("title"));
            // It still opens a popover, so that a visitor who knows the value can suggest it.
            var button = cell.QuerySelector(".sourced-value");
            Assert.True(button is not null, $"{slug} {column}: 'not stated' opens no popover");
            Assert.Same(notStated.ParentElement, button);
            Assert.Single(cell.QuerySelectorAll(".not-stated"));
            var suggest = cell.QuerySelector("[role=tooltip] a.suggest-link")?.GetAttribute("href") ?? "";
            Assert.StartsWith($"platforms/{slug}/suggest?field=", suggest, StringComparison.Ordinal);
        }

        // A known value is a sourced value; "not stated" appears inside it only for its missing as-of date.
        var known = Cell(page, "colab", "storage");
        Assert.Empty(known.QuerySelectorAll(":scope > .not-stated"));
        Assert.Single(known.QuerySelectorAll(".sourced-value"));
    }

    [Fact]
    public void Ranges_read_with_an_en_dash_and_units()
    {
        var page = RenderAt("/");

        Assert.Equal("8–16 GB", Cell(page, "colab", "gpu").QuerySelector(".sourced-value")!.TextContent.Trim());
        Assert.Equal("1–6 h", Cell(page, "gradient", "idle").QuerySelector(".sourced-value")!.TextContent.Trim());
        Assert.Equal("30–41 h", Cell(page, "kaggle", "weekly").QuerySelector(".sourced-value")!.TextContent.Trim());
        Assert.Equal("16 GB", Cell(page, "kaggle", "gpu").QuerySelector(".sourced-value")!.TextContent.Trim());
        Assert.Equal("30 min", Cell(page, "colab", "idle").QuerySelector(".sourced-value")!.TextContent.Trim());
        Assert.Equal("No weekly quota", Cell(page, "colab", "weekly").QuerySelector(".sourced-value")!.TextContent.Trim());
        Assert.Equal("15 GB (Google Drive)", Cell(page, "colab", "storage").QuerySelector(".sourced-value")!.TextContent.Trim());

        var colabGpus = Cell(page, "colab", "gpu").QuerySelector(".gpu-models")!.TextContent;
        Assert.All(["Tesla K80", "Tesla T4", "Tesla P4", "Tesla P100"], gpu => Assert.Contains(gpu, colabGpus, StringComparison.Ordinal));
    }

    [Fact]
    public void Values_show_the_article_as_their_source()
    {
        var page = RenderAt("/");

        var link = Cell(page, "gradient", "idle").QuerySelector(".sourced-tip a")!;
        Assert.Equal(SqliteCatalog.Article.Url, link.GetAttribute("href"));
        Assert.Equal(SqliteCatalog.Article.Title, link.TextContent.Trim());
        Assert.Contains("A long idle time of 1 to 6 hours.", Cell(page, "gradient", "idle").TextContent, StringComparison.Ordinal);
        Assert.Contains("Saturday", Cell(page, "kaggle", "weekly").QuerySelector(".sourced-tip")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_parameter_shows_a_notice_naming_it_and_its_value()
    {
        var page = RenderAt("/?minGpuMemoryGb=abc");

        var notices = page.Find("[data-testid=query-notices]");
        var item = Assert.Single(notices.QuerySelectorAll("li"));
        Assert.Equal("Min GPU memory (GB) ‘abc’ is not a number — ignored.", item.TextContent.Trim());
        Assert.Equal("colab,kaggle,gradient", RowSlugs(page));
    }

    [Fact]
    public void Notices_render_hostile_values_as_text()
    {
        var page = RenderAt("/?sort=%3Cscript%3Ealert(1)%3C%2Fscript%3E&minSessionHours=7");

        var item = Assert.Single(page.Find("[data-testid=query-notices]").QuerySelectorAll("li"));
        Assert.Contains("<script>alert(1)</script>", item.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=query-notices] script"));
        Assert.Equal("colab", RowSlugs(page));
    }

    [Fact]
    public void No_results_offers_a_link_that_relaxes_each_filter()
    {
        var page = RenderAt("/?minGpuMemoryGb=100&features=tpu&sort=-ramGb");

        Assert.Empty(page.FindAll("tr[data-platform]"));
        var noResults = page.Find("[data-testid=no-results]");
        Assert.Contains("No platform matches all of these filters.", noResults.TextContent, StringComparison.Ordinal);

        var relax = noResults.QuerySelectorAll("a[data-relax]");
        Assert.Equal(2, relax.Length);
        Assert.Equal("./?features=tpu&sort=-ramGb", relax[0].GetAttribute("href"));
        Assert.Equal("Remove “GPU memory ≥ 100 GB” (1 platform)", relax[0].TextContent.Trim());
        Assert.Equal("./?minGpuMemoryGb=100&sort=-ramGb", relax[1].GetAttribute("href"));
        Assert.Equal("Remove “Free TPU” (0 platforms)", relax[1].TextContent.Trim());
        Assert.Equal("./?sort=-ramGb", noResults.QuerySelector("a.clear-all")!.GetAttribute("href"));
    }

    [Fact]
    public void No_results_for_a_single_memory_filter()
    {
        var page = RenderAt("/?minGpuMemoryGb=100");

        var relax = Assert.Single(page.Find("[data-testid=no-results]").QuerySelectorAll("a[data-relax]"));
        Assert.Equal("./", relax.GetAttribute("href"));
        Assert.Contains("3 platforms", relax.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Sort_headers_link_to_the_next_order_and_announce_the_current_one()
    {
        var page = RenderAt("/");

        var memory = page.Find("th[data-sort-key=gpuMemoryGb]");
        Assert.Equal("none", memory.GetAttribute("aria-sort"));
        Assert.Equal("./?sort=gpuMemoryGb", memory.QuerySelector("a.sort-link")!.GetAttribute("href"));
        var name = page.Find("th[data-sort-key=name]");
        Assert.Equal("ascending", name.GetAttribute("aria-sort"));
        Assert.Equal("./?sort=-name", name.QuerySelector("a.sort-link")!.GetAttribute("href"));
        // Every spec's column in the registry's order, between GPU memory and the last confirmation (the names
        // themselves are pinned once, by SpecRegistryTests).
        Assert.Equal(
            ["name", "gpuMemoryGb", .. Specs.All.Select(s => s.SortName), "lastVerified"],
            page.FindAll("th[data-sort-key]").Select(th => th.GetAttribute("data-sort-key")));

        // The page is rendered statically: every address is a render of its own.
        page = RenderAt("/?sort=gpuMemoryGb&minIdleMinutes=25");
        var sorted = page.Find("th[data-sort-key=gpuMemoryGb]");
        Assert.Equal("ascending", sorted.GetAttribute("aria-sort"));
        Assert.Equal("./?minIdleMinutes=25&sort=-gpuMemoryGb", sorted.QuerySelector("a.sort-link")!.GetAttribute("href"));
        Assert.Equal("none", page.Find("th[data-sort-key=name]").GetAttribute("aria-sort"));

        page = RenderAt("/?sort=-gpuMemoryGb");
        Assert.Equal("descending", page.Find("th[data-sort-key=gpuMemoryGb]").GetAttribute("aria-sort"));
    }

    [Fact]
    public void The_filter_form_reflects_the_url()
    {
        var page = RenderAt("/?q=tesla&minGpuMemoryGb=12&gpuMemory=possible&features=tpu&sort=-ramGb");

        Assert.Equal("tesla", page.Find("#filter-q").GetAttribute("value"));
        Assert.Equal("12", page.Find("#filter-gpu-memory").GetAttribute("value"));
        Assert.True(page.Find("#filter-gpu-memory-mode option[value=possible]").HasAttribute("selected"));
        Assert.True(page.Find("input[name=features][value=tpu]").HasAttribute("checked"));
        Assert.False(page.Find("input[name=features][value=private-notebooks]").HasAttribute("checked"));
        Assert.Equal("-ramGb", page.Find("input[type=hidden][name=sort]").GetAttribute("value"));
        Assert.Equal(7, page.FindAll("input[name=features]").Count);
    }

    [Fact]
    public void Retired_platforms_appear_only_with_status_all_and_carry_a_badge()
    {
        Catalog.Editor.Edit("gradient", gradient => gradient.Status = PlatformStatus.Discontinued);

        var page = RenderAt("/");
        Assert.Equal("colab,kaggle", RowSlugs(page));

        page = RenderAt("/?status=all");
        Assert.Equal("colab,kaggle,gradient", RowSlugs(page));
        var row = page.Find("tr[data-platform=gradient]");
        Assert.Contains("retired", row.ClassList);
        Assert.Equal("Discontinued", row.QuerySelector(".status-badge")!.TextContent.Trim());
    }

    [Fact]
    public void An_edit_saved_in_the_database_shows_on_the_next_visit()
    {
        var page = RenderAt("/?sort=-idleMinutes");
        Assert.Equal("gradient,colab,kaggle", RowSlugs(page));

        Services.GetRequiredService<CatalogEditor>().Edit("kaggle", kaggle => kaggle.IdleTimeoutMinutes = new SpecEditModel { Min = 600, Max = 600 });

        page = RenderAt("/?sort=-idleMinutes&q=");
        Assert.Equal("kaggle,gradient,colab", RowSlugs(page));
        Assert.Equal("10 h", Cell(page, "kaggle", "idle").QuerySelector(".sourced-value")!.TextContent.Trim());
    }
}
