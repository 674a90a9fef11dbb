using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Localization;

namespace FreeGpuPortal.Tests.Catalog;

/// <summary>The one rule that picks a catalog text's language: the wanted one, else the other marked as a fallback.</summary>
public sealed class CatalogTextResolverTests
{
    private const string En = PortalLanguages.English;
    private const string Zh = PortalLanguages.Chinese;

    [Theory]
    [InlineData(En, "Free storage", "免费存储", "Free storage", En, false)]
    [InlineData(Zh, "Free storage", "免费存储", "免费存储", Zh, false)]
    [InlineData(Zh, "Free storage", null, "Free storage", En, true)]
    [InlineData(Zh, "Free storage", "   ", "Free storage", En, true)]
    [InlineData(En, null, "免费存储", "免费存储", Zh, true)]
    [InlineData(En, "", "免费存储", "免费存储", Zh, true)]
    public void Picks_the_wanted_language_or_marks_the_other_as_a_fallback(
        string language, string? english, string? chinese, string text, string shownLanguage, bool fallback)
    {
        var shown = CatalogTextResolver.Resolve(english, chinese, language);

        Assert.Equal(new ShownText(text, shownLanguage, fallback), shown);
    }

    [Theory]
    [InlineData(En)]
    [InlineData(Zh)]
    public void Nothing_in_either_language_is_nothing(string language)
    {
        Assert.Null(CatalogTextResolver.Resolve(null, " ", language));
        Assert.Null(CatalogTextResolver.Text(null, null, language));
    }

    [Fact]
    public void A_list_comes_whole_from_one_language()
    {
        string[] english = ["Kaggle datasets", "Notebook versioning"];
        string[] chinese = ["Kaggle 数据集"];

        Assert.Equal(new ShownList(chinese, Zh, false), CatalogTextResolver.Resolve(english, chinese, Zh));
        Assert.Equal(new ShownList(english, En, false), CatalogTextResolver.Resolve(english, chinese, En));

        var fallback = CatalogTextResolver.Resolve(english, [], Zh);
        Assert.Equal(english, fallback.Items);
        Assert.True(fallback.IsFallback);
        Assert.Equal(En, fallback.Language);

        var none = CatalogTextResolver.Resolve([], [], Zh);
        Assert.Empty(none.Items);
        Assert.False(none.IsFallback);
    }

    [Fact]
    public void Joined_texts_are_a_fallback_only_when_every_part_is()
    {
        var note = CatalogTextResolver.Resolve("In interactive GPU mode.", "在交互式 GPU 模式下。", Zh);
        var rule = CatalogTextResolver.Resolve("Resets every Saturday at midnight UTC.", null, Zh);

        var mixed = CatalogTextResolver.Join(Zh, note, rule);
        Assert.Equal(new ShownText("在交互式 GPU 模式下。 Resets every Saturday at midnight UTC.", Zh, false), mixed);

        var onlyFallback = CatalogTextResolver.Join(Zh, null, rule);
        Assert.Equal(new ShownText("Resets every Saturday at midnight UTC.", En, true), onlyFallback);

        var chinese = CatalogTextResolver.Join(Zh, note, CatalogTextResolver.Resolve(null, "每周六 UTC 午夜重置。", Zh));
        Assert.Equal("在交互式 GPU 模式下。每周六 UTC 午夜重置。", chinese!.Text);

        Assert.Null(CatalogTextResolver.Join(En, null, null));
    }
}
