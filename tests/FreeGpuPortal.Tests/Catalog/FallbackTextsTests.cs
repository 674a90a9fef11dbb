using FreeGpuPortal.Web.Api;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Localization;

namespace FreeGpuPortal.Tests.Catalog;

/// <summary>The API's record of which texts came in the other language, as JSON Pointers.</summary>
public sealed class FallbackTextsTests
{
    [Fact]
    public void Only_texts_in_the_other_language_are_noted_in_the_order_they_were_resolved()
    {
        var fallbacks = new FallbackTexts(PortalLanguages.Chinese, ["/storageNote"]);

        Assert.Equal("免费存储", fallbacks.Text("/summary", "Free storage", "免费存储"));
        Assert.Equal("Free storage", fallbacks.Text("/features/1/note", "Free storage", null));
        Assert.Null(fallbacks.Text("/features/2/note", null, " "));
        Assert.Equal(["Kaggle datasets"], fallbacks.List("/pros", ["Kaggle datasets"], []));
        Assert.Equal(["缺点"], fallbacks.List("/cons", ["A con"], ["缺点"]));
        Assert.Equal("Article", fallbacks.Shown("/cpuCount/source/title", new ShownText("Article", PortalLanguages.English, IsFallback: true)));

        Assert.Equal(["/storageNote", "/features/1/note", "/pros", "/cpuCount/source/title"], fallbacks.Pointers);
    }

    [Fact]
    public void In_english_a_chinese_only_text_is_the_fallback()
    {
        var fallbacks = new FallbackTexts(PortalLanguages.English);

        Assert.Equal("Free storage", fallbacks.Text("/summary", "Free storage", "免费存储"));
        Assert.Empty(fallbacks.Pointers);
        Assert.Equal("免费存储", fallbacks.Text("/summary", null, "免费存储"));
        Assert.Equal(["/summary"], fallbacks.Pointers);
    }
}
