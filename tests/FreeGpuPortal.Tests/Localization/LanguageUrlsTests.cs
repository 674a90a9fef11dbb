using FreeGpuPortal.Web.Localization;

namespace FreeGpuPortal.Tests.Localization;

public sealed class LanguageUrlsTests
{
    private const string English = "https://portal.example/";
    private const string Chinese = "https://portal.example/zh-CN/";

    [Theory]
    [InlineData(English, "https://portal.example/platforms/kaggle?x=1#top", "platforms/kaggle?x=1")]
    [InlineData(Chinese, "https://portal.example/zh-CN/?sort=-gpuMemoryGb", "?sort=-gpuMemoryGb")]
    [InlineData(English, "https://portal.example/", "")]
    public void The_relative_address_keeps_path_and_query_without_the_fragment(string baseUri, string uri, string expected) =>
        Assert.Equal(expected, LanguageUrls.RelativePathAndQuery(baseUri, uri));

    [Fact]
    public void A_parameter_longer_than_any_page_takes_is_dropped_and_the_others_are_kept()
    {
        var huge = new string('x', 10 * 1024);

        var relative = LanguageUrls.RelativePathAndQuery(English, $"{English}?q={huge}&sort=-gpuMemoryGb&features=notebooks");

        Assert.Equal("?sort=-gpuMemoryGb&features=notebooks", relative);
        Assert.Equal("/zh-CN/?sort=-gpuMemoryGb&features=notebooks", LanguageUrls.PathFor(English, "zh-CN", relative));
    }

    [Fact]
    public void A_value_is_measured_decoded_so_a_chinese_search_at_the_limit_is_kept()
    {
        var atLimit = Uri.EscapeDataString(new string('卡', LanguageUrls.MaxKeptValueLength));
        var overLimit = Uri.EscapeDataString(new string('卡', LanguageUrls.MaxKeptValueLength + 1));

        Assert.Equal($"?q={atLimit}", LanguageUrls.RelativePathAndQuery(Chinese, $"{Chinese}?q={atLimit}"));
        Assert.Equal("", LanguageUrls.RelativePathAndQuery(Chinese, $"{Chinese}?q={overLimit}"));
    }

    [Fact]
    public void The_switch_to_the_other_language_keeps_the_view()
    {
        Assert.Equal("/zh-CN/platforms/colab?a=1", LanguageUrls.PathFor(English, "zh-CN", "platforms/colab?a=1"));
        Assert.Equal("/platforms/colab?a=1", LanguageUrls.PathFor(Chinese, "en", "platforms/colab?a=1"));
    }
}
