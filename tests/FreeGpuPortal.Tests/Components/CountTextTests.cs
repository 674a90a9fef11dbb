using System.Xml.Linq;

using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Components.Catalog;
using FreeGpuPortal.Web.Localization;

namespace FreeGpuPortal.Tests.Components;

/// <summary>Texts that take a count read right for one and for several, in English and in Chinese.</summary>
public sealed class CountTextTests
{
    private static Dictionary<string, string> Resources(string file) =>
        XDocument.Load(Path.Combine(RepositoryPaths.WebProject, "Resources", file))
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

    [Theory]
    [InlineData("History.Count", 1, "1 change · page 1 of 1", "1 项更改 · 第 1 页，共 1 页")]
    [InlineData("History.Count", 2, "2 changes · page 1 of 1", "2 项更改 · 第 1 页，共 1 页")]
    [InlineData("Admin.Queues.Reports", 1, "1 hardware report", "1 份硬件报告")]
    [InlineData("Admin.Queues.Reports", 3, "3 hardware reports", "3 份硬件报告")]
    [InlineData("Admin.Form.HasErrors", 1, "Not saved: 1 field needs attention; see the message under it. Everything you typed is kept.", "未保存：有 1 个字段需要处理；请查看字段下方的提示。你输入的内容都已保留。")]
    [InlineData("Report.Value.Sockets", 1, "1 socket", "1 个插槽")]
    [InlineData("Report.Value.Sockets", 2, "2 sockets", "2 个插槽")]
    public void A_count_picks_the_form_its_number_needs(string key, int count, string english, string chinese)
    {
        object[] arguments = key == "History.Count" ? [count, 1, 1] : [count];

        Assert.Equal(english, Cultures.In(PortalLanguages.English, () => CountText.For(PortalLocalizer.Shared, key, count, arguments)));
        Assert.Equal(chinese, Cultures.In(PortalLanguages.Chinese, () => CountText.For(PortalLocalizer.Shared, key, count, arguments)));
    }

    [Fact]
    public void No_english_text_hedges_a_plural_and_every_singular_has_its_plural_in_both_languages()
    {
        var english = Resources("SharedResource.resx");
        var chinese = Resources("SharedResource.zh-CN.resx");

        // "(s)" after a word is a plural left to the reader ("http(s)" is a scheme, not a plural).
        Assert.Empty(english.Where(e => e.Value.Replace("http(s)", "", StringComparison.Ordinal).Contains("(s)", StringComparison.Ordinal)).Select(e => e.Key));
        foreach (var resources in new[] { english, chinese })
        {
            var singulars = resources.Keys.Where(k => k.EndsWith(".One", StringComparison.Ordinal));
            Assert.All(singulars, key => Assert.True(resources.ContainsKey(key[..^".One".Length] + ".Other"), key));
        }
    }
}
