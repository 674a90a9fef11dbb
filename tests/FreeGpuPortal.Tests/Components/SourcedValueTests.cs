using Bunit;

using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Components.Catalog;

using Microsoft.AspNetCore.Components;

namespace FreeGpuPortal.Tests.Components;

/// <summary>A value with its provenance, rendered alone: text, note, source link or title, as-of date, or "not stated".</summary>
public sealed class SourcedValueTests : PortalComponentTest
{
    [Fact]
    public void Shows_the_value_with_its_note_source_link_and_date()
    {
        var value = Render<SourcedValue>(p => p
            .Add(c => c.TipId, "colab-idle")
            .Add(c => c.Text, "30 min")
            .Add(c => c.Note, new ShownText("About 30 minutes, short.", "en", false))
            .Add(c => c.SourceUrl, "https://example.org/colab-faq")
            .Add(c => c.SourceTitle, "Colaboratory FAQ")
            .Add(c => c.AsOf, new DateOnly(2025, 3, 14)));

        var button = value.Find("button.sourced-value");
        Assert.Equal("30 min", button.TextContent.Trim());
        Assert.Equal("colab-idle", button.GetAttribute("aria-describedby"));

        var tip = value.Find("[role=tooltip]");
        Assert.Equal("colab-idle", tip.Id);
        Assert.Equal("About 30 minutes, short.", tip.QuerySelector(".sourced-note")!.TextContent.Trim());
        var link = tip.QuerySelector("a")!;
        Assert.Equal("https://example.org/colab-faq", link.GetAttribute("href"));
        Assert.Equal("Colaboratory FAQ", link.TextContent.Trim());
        Assert.Equal("noopener noreferrer", link.GetAttribute("rel"));
        Assert.Contains("Source:", tip.TextContent, StringComparison.Ordinal);
        Assert.Contains("As of:", tip.TextContent, StringComparison.Ordinal);
        Assert.Contains(SpecText.Date(new DateOnly(2025, 3, 14)), tip.TextContent, StringComparison.Ordinal);
        Assert.Empty(value.FindAll(".not-stated"));
    }

    [Fact]
    public void Takes_note_and_source_from_a_spec_value_unless_given()
    {
        var spec = new SpecValue
        {
            Min = 60,
            Max = 360,
            Note = "A long idle time of 1 to 6 hours.",
            SourceUrl = "https://example.org/article",
            SourceTitle = "The article",
            AsOf = new DateOnly(2021, 1, 1),
        };

        var value = Render<SourcedValue>(p => p
            .Add(c => c.TipId, "gradient-idle")
            .Add(c => c.Text, "1–6 h")
            .Add(c => c.Spec, spec)
            .Add(c => c.Note, new ShownText("Given note wins.", "en", false)));

        Assert.Equal("Given note wins.", value.Find(".sourced-note").TextContent.Trim());
        Assert.Equal("https://example.org/article", value.Find("[role=tooltip] a").GetAttribute("href"));
        Assert.Equal("The article", value.Find("[role=tooltip] a").TextContent.Trim());
        Assert.Contains(SpecText.Date(new DateOnly(2021, 1, 1)), value.Find("[role=tooltip]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_without_a_url_shows_its_title_and_a_missing_source_or_date_reads_not_stated()
    {
        var titled = Render<SourcedValue>(p => p
            .Add(c => c.TipId, "titled")
            .Add(c => c.Text, "12 GB")
            .Add(c => c.SourceTitle, "NVIDIA's published GPU specifications"));

        Assert.Empty(titled.FindAll("[role=tooltip] a"));
        Assert.Contains("NVIDIA's published GPU specifications", titled.Find("[role=tooltip]").TextContent, StringComparison.Ordinal);
        Assert.Empty(titled.FindAll(".sourced-note"));
        var dateUnknown = Assert.Single(titled.FindAll(".not-stated"));
        Assert.Equal("not stated", dateUnknown.TextContent.Trim());

        var bare = Render<SourcedValue>(p => p.Add(c => c.TipId, "bare").Add(c => c.Text, "8 GB"));
        Assert.Equal(2, bare.FindAll("[role=tooltip] .not-stated").Count);
    }

    [Fact]
    public void Null_text_reads_not_stated_without_a_tooltip()
    {
        var value = Render<SourcedValue>(p => p
            .Add(c => c.TipId, "kaggle-storage")
            .Add(c => c.Text, null)
            .Add(c => c.SourceUrl, "https://example.org/ignored"));

        var notStated = value.Find(".not-stated");
        Assert.Equal("not stated", notStated.TextContent.Trim());
        Assert.Equal("The sources do not state this value.", notStated.GetAttribute("title"));
        Assert.Empty(value.FindAll("button"));
        Assert.Empty(value.FindAll("[role=tooltip]"));
        Assert.Empty(value.FindAll("a"));
    }

    [Fact]
    public void A_value_not_stated_opens_a_popover_offering_a_correction_when_one_can_be_suggested()
    {
        var value = Render<SourcedValue>(p => p
            .Add(c => c.TipId, "gradient-weekly")
            .Add(c => c.Text, null)
            .Add(c => c.SuggestHref, "platforms/gradient/suggest?field=weeklyGpuHours"));

        var button = value.Find("button.sourced-value");
        Assert.Equal("not stated", button.TextContent.Trim());
        Assert.Equal("gradient-weekly", button.GetAttribute("aria-describedby"));
        var tip = value.Find("[role=tooltip]");
        Assert.Contains("The sources do not state this value.", tip.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Source:", tip.TextContent, StringComparison.Ordinal);
        var suggest = tip.QuerySelector("a.suggest-link")!;
        Assert.Equal("platforms/gradient/suggest?field=weeklyGpuHours", suggest.GetAttribute("href"));
        Assert.Equal("Suggest a correction", suggest.TextContent.Trim());
        Assert.Empty(value.FindAll(".value-age"));
    }

    [Fact]
    public void Text_is_rendered_as_text_not_markup()
    {
        var value = Render<SourcedValue>(p => p
            .Add(c => c.TipId, "hostile")
            .Add(c => c.Text, "<b>bold</b>")
            .Add(c => c.Note, new ShownText("<script>alert(1)</script>", "en", false)));

        Assert.Equal("<b>bold</b>", value.Find("button.sourced-value").TextContent.Trim());
        Assert.Empty(value.FindAll("b"));
        Assert.Empty(value.FindAll("script"));
    }

    [Theory]
    [InlineData("zh-CN", "用于训练的免费 GPU", false)]
    [InlineData("en", "Free GPUs for training", false)]
    public void A_source_title_reads_in_the_pages_language_where_the_source_list_translates_it(string culture, string shown, bool marked)
    {
        var titles = SourceTitles.From([new PlatformSource { Url = "https://example.org/article", Title = "Free GPUs for training", TitleZh = "用于训练的免费 GPU" }]);
        var tip = Cultures.In(culture, () => Render<CascadingValue<SourceTitles>>(p => p
            .Add(c => c.Value, titles)
            .Add(c => c.IsFixed, true)
            .AddChildContent<SourcedValue>(v => v
                .Add(c => c.TipId, "kaggle-idle")
                .Add(c => c.Text, "20 min")
                .Add(c => c.SourceUrl, "https://example.org/article")
                .Add(c => c.SourceTitle, "Free GPUs for training"))).Find("[role=tooltip] a"));

        Assert.Equal(shown, tip.TextContent.Trim());
        Assert.Equal(marked, tip.QuerySelector("[data-testid=fallback-marker]") is not null);
    }

    [Fact]
    public void An_untranslated_source_title_on_a_chinese_page_carries_the_english_only_marker()
    {
        var tip = Cultures.In("zh-CN", () => Render<SourcedValue>(p => p
            .Add(c => c.TipId, "report")
            .Add(c => c.Text, "16 GB")
            .Add(c => c.SourceUrl, "https://example.org/report/7")
            .Add(c => c.SourceTitle, "Hardware report")).Find("[role=tooltip] a"));

        var fallback = tip.QuerySelector("[data-fallback]")!;
        Assert.Equal("en", fallback.GetAttribute("lang"));
        Assert.StartsWith("Hardware report", fallback.TextContent, StringComparison.Ordinal);
        Assert.Equal("English only", tip.QuerySelector("[data-testid=fallback-marker]")!.TextContent.Trim());
    }

    [Fact]
    public void A_qualifier_in_the_other_language_keeps_its_lang_in_the_cell_and_its_marker_in_the_popover()
    {
        var value = Cultures.In("zh-CN", () => Render<SourcedValue>(p => p
            .Add(c => c.TipId, "colab-storage")
            .Add(c => c.Text, "15 GB")
            .Add(c => c.Qualifier, new ShownText("Google Drive", "en", IsFallback: true))));

        var button = value.Find("button.sourced-value");
        Assert.Equal("15 GB (Google Drive)", button.TextContent);
        Assert.Equal("Google Drive", button.QuerySelector("span[lang=en][data-fallback=en]")!.TextContent);
        Assert.Null(button.QuerySelector("[data-testid=fallback-marker]")); // the cell keeps its width
        var said = value.Find("[role=tooltip] [data-testid=qualifier-fallback]");
        Assert.Equal("en", said.QuerySelector("[data-fallback]")!.GetAttribute("lang"));
        Assert.Equal("English only", said.QuerySelector("[data-testid=fallback-marker]")!.TextContent.Trim());
    }

    [Fact]
    public void A_value_that_is_a_catalog_text_in_the_other_language_keeps_its_lang_and_has_its_marker_in_the_popover()
    {
        // A feature's name in the comparison table: on a Chinese page, a feature nobody has named in Chinese yet.
        var value = Cultures.In("zh-CN", () => Render<SourcedValue>(p => p
            .Add(c => c.TipId, "kaggle-feature-tpu")
            .Add(c => c.ShownValue, new ShownText("TPU access", "en", IsFallback: true))));

        var button = value.Find("button.sourced-value");
        Assert.Equal("TPU access", button.TextContent);
        Assert.Equal("TPU access", button.QuerySelector("span[lang=en][data-fallback=en]")!.TextContent);
        Assert.Null(button.QuerySelector("[data-testid=fallback-marker]"));
        var said = value.Find("[role=tooltip] [data-testid=value-fallback]");
        Assert.Equal("English only", said.QuerySelector("[data-testid=fallback-marker]")!.TextContent.Trim());

        var named = Render<SourcedValue>(p => p
            .Add(c => c.TipId, "kaggle-feature-tpu")
            .Add(c => c.ShownValue, new ShownText("TPU access", "en", IsFallback: false)));
        Assert.Equal("TPU access", named.Find("button.sourced-value").TextContent);
        Assert.Empty(named.FindAll("[data-fallback]"));
    }

    [Fact]
    public void A_qualifier_in_the_pages_language_reads_plainly_with_no_marker()
    {
        var value = Render<SourcedValue>(p => p
            .Add(c => c.TipId, "colab-storage")
            .Add(c => c.Text, "15 GB")
            .Add(c => c.Qualifier, new ShownText("Google Drive", "en", IsFallback: false)));

        Assert.Equal("15 GB (Google Drive)", value.Find("button.sourced-value").TextContent);
        Assert.Empty(value.FindAll("[data-fallback]"));
        Assert.Empty(value.FindAll("[data-testid=fallback-marker]"));
    }

    [Fact]
    public void Beside_a_value_with_room_the_qualifiers_marker_is_inline_in_its_own_language()
    {
        var text = Render<QualifiedText>(p => p
            .Add(c => c.Text, "15 GB")
            .Add(c => c.Qualifier, new ShownText("Google 云端硬盘", "zh-CN", IsFallback: true))
            .Add(c => c.InlineMarker, true));

        Assert.Equal("15 GB (Google 云端硬盘 仅中文)", string.Concat(text.Nodes.Select(n => n.TextContent)).Trim());
        Assert.Equal("zh-CN", text.Find("[data-fallback]").GetAttribute("lang"));
        Assert.Equal("zh-CN", text.Find("[data-testid=fallback-marker]").GetAttribute("lang"));
    }
}
