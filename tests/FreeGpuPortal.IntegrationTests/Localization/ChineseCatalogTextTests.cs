using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

using FreeGpuPortal.IntegrationTests.Api;
using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Data;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.IntegrationTests.Localization;

/// <summary>
/// The catalog's own text in both languages, as served by the real app: the Chinese pages hold Chinese headings and
/// Chinese catalog text, the English pages English, the API the language asked for; a text missing in the page's
/// language shows the other one with its lang attribute and a marker in its own language.
/// </summary>
public sealed class ChineseCatalogTextTests(PortalHost factory) : IClassFixture<PortalHost>
{
    private const string KaggleSummaryZh = "Kaggle Notebooks：可共享的 Jupyter 笔记本，运行在免费的 GPU 和 CPU 上。";
    private const string KaggleSummaryEn = "Kaggle Notebooks: shareable Jupyter notebooks on free GPUs and CPUs.";

    /// <summary>The seed article's English title as it starts (its Chinese title names the English one in brackets).</summary>
    private const string ArticleTitleStart = "Edwin Tan, ";

    public static TheoryData<string, string, string> Platforms() => new()
    {
        { "gradient", "Gradient 社区笔记本（Community Notebooks）", "在免费 GPU 上运行时没有私有笔记本" },
        { "colab", "Colaboratory：可使用免费 GPU 和 TPU 的 Jupyter 笔记本 IDE", "与 Google Drive 集成，用于数据存储" },
        { "kaggle", KaggleSummaryZh, "交互式 GPU 模式下空闲超时较短，为 20 分钟" },
    };

    [Fact]
    public async Task The_Chinese_comparison_page_holds_Chinese_headings_and_catalog_text()
    {
        var html = await factory.CreateClient().GetStringAsync("/zh-CN/");

        Assert.Contains("<html lang=\"zh-CN\"", html, StringComparison.Ordinal);
        Assert.Contains("对比免费 GPU 平台", html, StringComparison.Ordinal);
        Assert.Contains("私有笔记本", html, StringComparison.Ordinal); // a feature name, in the table and the filters
        Assert.Contains("在交互式 GPU 模式下。", html, StringComparison.Ordinal); // a value's note, in its popover
        Assert.DoesNotContain("Private notebooks", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"fallback-marker\"", html, StringComparison.Ordinal);

        // The main source under the heading and every value's source in its popover name the article in Chinese.
        Assert.Contains("data-testid=\"main-source\"><bdi>Edwin Tan，《用于训练深度学习模型的免费 GPU》", html, StringComparison.Ordinal);
        Assert.Contains("target=\"_blank\">Edwin Tan，《用于训练深度学习模型的免费 GPU》", html, StringComparison.Ordinal);
        Assert.DoesNotContain(ArticleTitleStart, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_english_comparison_page_names_the_main_source_in_english()
    {
        var html = await factory.CreateClient().GetStringAsync("/");

        Assert.Contains($"data-testid=\"main-source\"><bdi>{ArticleTitleStart}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("《用于训练深度学习模型的免费 GPU》", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task Each_Chinese_platform_page_holds_Chinese_headings_and_text(string slug, string summary, string listItem)
    {
        var response = await factory.CreateClient().GetAsync($"/zh-CN/platforms/{slug}");
        var html = WithoutHistory(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var heading in new[] { "规格", "优点", "缺点", "如何开始", "来源" })
        {
            Assert.Contains($">{heading}</h2>", html, StringComparison.Ordinal);
        }

        Assert.Contains(summary, html, StringComparison.Ordinal);
        Assert.Contains(listItem, html, StringComparison.Ordinal);
        Assert.Contains("Edwin Tan，《用于训练深度学习模型的免费 GPU》", html, StringComparison.Ordinal); // a source title
        Assert.DoesNotContain(ArticleTitleStart, html, StringComparison.Ordinal); // nor in a value's source column
        Assert.DoesNotContain("No credit card at sign-up", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"fallback-marker\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_English_platform_page_holds_English()
    {
        var html = WithoutHistory(await factory.CreateClient().GetStringAsync("/platforms/kaggle"));

        Assert.Contains(KaggleSummaryEn, html, StringComparison.Ordinal);
        Assert.Contains("Short idle time of 20 minutes in interactive GPU mode", html, StringComparison.Ordinal);
        Assert.DoesNotContain(KaggleSummaryZh, html, StringComparison.Ordinal);
        Assert.DoesNotContain("交互式", html, StringComparison.Ordinal);
        Assert.Contains(ArticleTitleStart, html, StringComparison.Ordinal);
        Assert.DoesNotContain("《用于训练深度学习模型的免费 GPU》", html, StringComparison.Ordinal);
    }

    /// <summary>The page before its history, which lists changes of both languages' fields as they were recorded.</summary>
    private static string WithoutHistory(string html)
    {
        var history = html.IndexOf("data-testid=\"platform-history\"", StringComparison.Ordinal);
        Assert.True(history > 0, "the page has a history section");
        return html[..history];
    }

    [Fact]
    public async Task The_api_answers_in_the_language_asked_for_with_the_same_keys()
    {
        var client = factory.CreateClient();

        using var chinese = JsonDocument.Parse(await client.GetStringAsync("/api/v1/platforms/kaggle?lang=zh-CN"));
        using var english = JsonDocument.Parse(await client.GetStringAsync("/api/v1/platforms/kaggle?lang=en"));
        Assert.StartsWith(KaggleSummaryZh, chinese.RootElement.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.StartsWith(KaggleSummaryEn, english.RootElement.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains("Kaggle 数据集", chinese.RootElement.GetProperty("pros").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("在交互式 GPU 模式下。", chinese.RootElement.GetProperty("idleTimeoutMinutes").GetProperty("note").GetString());
        Assert.Equal("每周六 UTC 午夜重置。", chinese.RootElement.GetProperty("weeklyQuotaResetRule").GetString());
        Assert.StartsWith("Edwin Tan，《", chinese.RootElement.GetProperty("idleTimeoutMinutes").GetProperty("source").GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.StartsWith(ArticleTitleStart, english.RootElement.GetProperty("idleTimeoutMinutes").GetProperty("source").GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            english.RootElement.EnumerateObject().Select(p => p.Name),
            chinese.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("limited", chinese.RootElement.GetProperty("weeklyQuotaKind").GetString());

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/platforms");
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));
        var byHeader = await client.SendAsync(request);
        Assert.Contains("Accept-Language", byHeader.Headers.Vary);
        var list = await byHeader.Content.ReadAsStringAsync();
        Assert.Contains("\"name\":\"私有笔记本\"", list, StringComparison.Ordinal);

        var csv = Csv.Parse(await client.GetStringAsync("/api/v1/platforms.csv?lang=zh-CN"));
        Assert.Equal("Slug", csv[0][0]);
        Assert.Equal("Pros", csv[0][Array.IndexOf([.. csv[0]], "Pros")]);
        var kaggle = csv.Single(r => r[0] == "kaggle");
        Assert.Contains("Kaggle 数据集", kaggle[Array.IndexOf([.. csv[0]], "Pros")], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task The_seeded_catalog_says_no_text_of_the_api_is_a_fallback_in_either_language(string language)
    {
        var client = factory.CreateClient();

        using var list = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/platforms?lang={language}"));
        var platforms = list.RootElement.GetProperty("platforms").EnumerateArray().ToList();
        Assert.Equal(3, platforms.Count);
        Assert.All(platforms, p => Assert.Empty(FallbackTexts(p)));
        using var models = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/gpu-models?lang={language}"));
        Assert.All(models.RootElement.GetProperty("gpuModels").EnumerateArray(), m => Assert.Empty(FallbackTexts(m)));
        foreach (var slug in new[] { "gradient", "colab", "kaggle" })
        {
            using var detail = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/platforms/{slug}?lang={language}"));
            Assert.Empty(FallbackTexts(detail.RootElement));
        }
    }

    [Fact]
    public async Task A_storage_note_in_the_other_language_inside_a_value_is_marked_on_every_view()
    {
        await using var portal = new PortalHost();
        var client = portal.CreateClient(); // starts the app: migrate and seed
        var editor = portal.Services.GetRequiredService<CatalogEditor>();
        var colab = (await editor.GetForEditAsync("colab"))!;
        colab.StorageNote = "Google Drive";
        colab.StorageNoteZh = null;
        var admin = new Actor("admin-1", "admin@example.org");
        Assert.IsType<EditResult.Success>(await editor.UpdateAsync(new PlatformChangeRequest(colab, new ChangeEvidence { Note = "test" }, admin)));
        const string Fallback = "(<span lang=\"en\" data-fallback=\"en\">Google Drive</span>";
        const string Marker = "<small class=\"fallback-marker\" lang=\"en\" data-testid=\"fallback-marker\">English only</small>";

        // The table cell keeps its width: the English text carries its lang, the marker sits in the value's popover.
        var table = await client.GetStringAsync("/zh-CN/");
        var cell = table[table.IndexOf("id=\"colab-storage\"", StringComparison.Ordinal)..];
        cell = cell[..cell.IndexOf("</td>", StringComparison.Ordinal)];
        Assert.Contains(Fallback, table, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"qualifier-fallback\"><span lang=\"en\" data-fallback=\"en\">Google Drive " + Marker, cell, StringComparison.Ordinal);

        // The platform page says it beside the value.
        var page = await client.GetStringAsync("/zh-CN/platforms/colab");
        Assert.Contains($"15 GB {Fallback} {Marker})", page, StringComparison.Ordinal);

        // The compare view shows the marker beside the cell.
        var compare = await client.GetStringAsync("/zh-CN/compare?p=colab,kaggle");
        var storageRow = compare[compare.IndexOf("data-row=\"storage\"", StringComparison.Ordinal)..];
        var colabCell = storageRow[storageRow.IndexOf("data-platform=\"colab\"", StringComparison.Ordinal)..];
        colabCell = colabCell[..colabCell.IndexOf("</td>", StringComparison.Ordinal)];
        Assert.Contains(Fallback, colabCell, StringComparison.Ordinal);
        var besideTheValue = colabCell[colabCell.IndexOf("data-testid=\"value-age\"", StringComparison.Ordinal)..]; // after the value and its popover
        Assert.Contains(Marker, besideTheValue, StringComparison.Ordinal);

        // In English nothing is a fallback.
        Assert.DoesNotContain("fallback-marker", WithoutHistory(await client.GetStringAsync("/platforms/colab")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_feature_named_only_in_english_is_marked_in_the_table_the_filters_and_the_compare_view()
    {
        await using var portal = new PortalHost();
        var client = portal.CreateClient(); // starts the app: migrate and seed
        await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync())
        {
            var tpu = await db.Features.SingleAsync(f => f.Key == "tpu");
            tpu.NameZh = null;
            await db.SaveChangesAsync();
        }

        portal.Services.GetRequiredService<CatalogChangeSignal>().NotifyChanged();
        const string Fallback = "<span lang=\"en\" data-fallback=\"en\">Free TPU";
        const string Marker = "<small class=\"fallback-marker\" lang=\"en\" data-testid=\"fallback-marker\">English only</small>";

        // The table cell: the English name carries its lang; the marker sits in its popover, so the cell keeps its width.
        var table = await client.GetStringAsync("/zh-CN/");
        var cell = table[table.IndexOf("aria-describedby=\"colab-feature-tpu\"", StringComparison.Ordinal)..];
        cell = cell[..cell.IndexOf("</li>", StringComparison.Ordinal)];
        Assert.Contains(Fallback + "</span></button>", cell, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"value-fallback\">" + Fallback + " " + Marker, cell, StringComparison.Ordinal);

        // The filter's checkbox label and the compare view's row label say it beside the name.
        var filter = table[table.IndexOf("value=\"tpu\"", StringComparison.Ordinal)..];
        Assert.Contains(Fallback + " " + Marker, filter[..filter.IndexOf("</label>", StringComparison.Ordinal)], StringComparison.Ordinal);
        var compare = await client.GetStringAsync("/zh-CN/compare?p=colab,kaggle");
        var row = compare[compare.IndexOf("data-row=\"feature-tpu\"", StringComparison.Ordinal)..];
        Assert.Contains("<th scope=\"row\" class=\"col-name\">" + Fallback + " " + Marker, row, StringComparison.Ordinal);

        // Another feature, named in Chinese, reads plainly; in English nothing is marked.
        Assert.Contains("私有笔记本", table, StringComparison.Ordinal);
        Assert.DoesNotContain("fallback-marker", await client.GetStringAsync("/compare?p=colab,kaggle"), StringComparison.Ordinal);
    }

    private static List<string?> FallbackTexts(JsonElement item) =>
        [.. item.GetProperty("fallbackTexts").EnumerateArray().Select(p => p.GetString())];

    [Fact]
    public async Task A_text_missing_in_the_pages_language_shows_the_other_marked_in_its_own_language()
    {
        await using var portal = new PortalHost();
        var client = portal.CreateClient(); // starts the app: migrate and seed
        var editor = portal.Services.GetRequiredService<CatalogEditor>();
        var kaggle = (await editor.GetForEditAsync("kaggle"))!;
        kaggle.SummaryZh = null;
        kaggle.ProsZh = [];
        var gradient = (await editor.GetForEditAsync("gradient"))!;
        gradient.Summary = null;
        var admin = new Actor("admin-1", "admin@example.org");
        Assert.IsType<EditResult.Success>(await editor.UpdateAsync(new PlatformChangeRequest(kaggle, new ChangeEvidence { Note = "test" }, admin)));
        Assert.IsType<EditResult.Success>(await editor.UpdateAsync(new PlatformChangeRequest(gradient, new ChangeEvidence { Note = "test" }, admin)));

        var chinesePage = await client.GetStringAsync("/zh-CN/platforms/kaggle");
        Assert.Contains($"<span lang=\"en\" data-fallback=\"en\">{KaggleSummaryEn}", chinesePage, StringComparison.Ordinal);
        Assert.Contains("<small class=\"fallback-marker\" lang=\"en\" data-testid=\"fallback-marker\">English only</small>", chinesePage, StringComparison.Ordinal);
        Assert.Contains("<ul class=\"pros\" lang=\"en\">", chinesePage, StringComparison.Ordinal);
        Assert.Contains("缺点", chinesePage, StringComparison.Ordinal); // the cons still in Chinese
        Assert.Contains("交互式 GPU 模式下空闲超时较短，为 20 分钟", chinesePage, StringComparison.Ordinal);

        var englishPage = await client.GetStringAsync("/platforms/gradient");
        Assert.Contains("<span lang=\"zh-CN\" data-fallback=\"zh-CN\">Gradient 社区笔记本", englishPage, StringComparison.Ordinal);
        Assert.Contains(">仅中文</small>", englishPage, StringComparison.Ordinal);

        // The API falls back the same way and names each fallback text by its JSON Pointer in fallbackTexts.
        using var api = JsonDocument.Parse(await client.GetStringAsync("/api/v1/platforms/kaggle?lang=zh-CN"));
        Assert.StartsWith(KaggleSummaryEn, api.RootElement.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal(["/summary", "/pros"], FallbackTexts(api.RootElement));
        Assert.Equal("Commit mode runs code in the background", api.RootElement.GetProperty("pros")[0].GetString()); // the English list, whole
        using var apiEnglish = JsonDocument.Parse(await client.GetStringAsync("/api/v1/platforms/kaggle?lang=en"));
        Assert.StartsWith(KaggleSummaryEn, apiEnglish.RootElement.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Empty(FallbackTexts(apiEnglish.RootElement));
        using var gradientEnglish = JsonDocument.Parse(await client.GetStringAsync("/api/v1/platforms/gradient"));
        Assert.Equal(["/summary"], FallbackTexts(gradientEnglish.RootElement)); // Chinese, as the English is empty
        using var gradientChinese = JsonDocument.Parse(await client.GetStringAsync("/api/v1/platforms/gradient?lang=zh-CN"));
        Assert.Empty(FallbackTexts(gradientChinese.RootElement));

        // A fully translated page has no marker.
        Assert.DoesNotContain("fallback-marker", await client.GetStringAsync("/zh-CN/platforms/colab"), StringComparison.Ordinal);
    }
}
