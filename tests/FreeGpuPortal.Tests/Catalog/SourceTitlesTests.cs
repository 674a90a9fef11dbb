using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Localization;

namespace FreeGpuPortal.Tests.Catalog;

/// <summary>A value's citation takes its Chinese title from a platform source with the same address and English title.</summary>
public sealed class SourceTitlesTests
{
    private const string ArticleUrl = "https://example.org/free-gpus";
    private const string ArticleTitle = "Free GPUs for training";
    private const string ArticleTitleZh = "用于训练的免费 GPU";

    private static readonly SourceTitles Titles = SourceTitles.From(
    [
        new PlatformSource { Url = ArticleUrl, Title = ArticleTitle, TitleZh = ArticleTitleZh },
        new PlatformSource { Url = ArticleUrl, Title = ArticleTitle, TitleZh = "另一个译名" },
        new PlatformSource { Url = "https://example.org/faq", Title = "FAQ", TitleZh = "  " },
    ]);

    [Fact]
    public void A_citation_of_a_listed_source_reads_in_chinese_on_a_chinese_page_and_in_english_on_an_english_one()
    {
        Assert.Equal(new ShownText(ArticleTitleZh, PortalLanguages.Chinese, false), Titles.Resolve(ArticleUrl, ArticleTitle, PortalLanguages.Chinese));
        Assert.Equal(new ShownText(ArticleTitle, PortalLanguages.English, false), Titles.Resolve(ArticleUrl, ArticleTitle, PortalLanguages.English));
    }

    [Fact]
    public void The_first_listed_translation_wins()
    {
        Assert.Equal(ArticleTitleZh, Titles.ChineseOf(ArticleUrl, ArticleTitle));
    }

    [Theory]
    [InlineData(ArticleUrl, "Free GPUs for training (edited)")] // the title was edited since: the translation is of another text
    [InlineData("https://example.org/other", ArticleTitle)] // another address
    [InlineData(null, ArticleTitle)]
    [InlineData("https://example.org/faq", "FAQ")] // listed with a blank translation
    public void A_citation_no_list_translates_shows_its_english_title_as_a_fallback_on_a_chinese_page(string? url, string title)
    {
        Assert.Null(Titles.ChineseOf(url, title));
        Assert.Equal(new ShownText(title, PortalLanguages.English, true), Titles.Resolve(url, title, PortalLanguages.Chinese));
        Assert.Equal(new ShownText(title, PortalLanguages.English, false), Titles.Resolve(url, title, PortalLanguages.English));
    }

    [Fact]
    public void A_citation_without_a_title_has_none_to_show()
    {
        Assert.Null(Titles.Resolve(ArticleUrl, null, PortalLanguages.Chinese));
        Assert.Null(SourceTitles.Empty.ChineseOf(ArticleUrl, ArticleTitle));
    }
}
