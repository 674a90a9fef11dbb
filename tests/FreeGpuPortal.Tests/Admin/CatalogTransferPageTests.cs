using System.Globalization;

using Bunit;

using FreeGpuPortal.Web.Catalog.Transfer;
using FreeGpuPortal.Web.Components.Pages.Admin;

using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.Tests.Admin;

/// <summary>
/// The import page's preview of what a catalog file changes in the features and GPU models: one row per entry, one line
/// per property with the current and the imported value, labelled in the page's language; applied, the rows are gone.
/// </summary>
public sealed class CatalogTransferPageTests : AdminComponentTest
{
    private const string ReviewNote = "Reviewed the feature and GPU texts.";

    /// <summary>The seeded catalog's export with a feature's and a GPU model's texts edited, as a maintainer edits the file.</summary>
    private async Task<CatalogFile> EditedExportAsync()
    {
        var transfer = Services.GetRequiredService<CatalogTransfer>();
        var file = await transfer.ExportAsync();
        return file with
        {
            Features = [.. file.Features.Select(f => f.Key == "private-notebooks" ? f with { NameZh = "私密笔记本" } : f)],
            GpuModels = [.. file.GpuModels.Select(g => g.Slug == "tesla-p100"
                ? g with { Note = "A 12 GB variant exists too.", SourceTitleZh = null }
                : g)],
        };
    }

    private IRenderedComponent<CatalogTransferPage> PreviewOf(string json)
    {
        var page = Render<CatalogTransferPage>();
        BoxHolds(json);
        page.Find("[data-testid=import-note]").Change(ReviewNote);
        page.Find("[data-testid=preview]").Click();
        page.WaitForElement("[data-testid=import-preview]", Wait);
        return page;
    }

    private static string LineOf(IRenderedComponent<CatalogTransferPage> page, string field) =>
        page.Find($"[data-testid=import-preview] li[data-field='{field}']").TextContent.Trim();

    [Fact]
    public void An_empty_box_previewed_says_the_file_is_empty_and_asks_the_browser_for_no_stream()
    {
        var page = Render<CatalogTransferPage>();
        BoxHolds("");
        page.Find("[data-testid=preview]").Click();

        page.WaitForAssertion(() => Assert.Contains("The file is empty.", page.Markup), Wait);
        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier == "textOf");
    }

    [Fact]
    public void The_page_states_the_limit_and_a_pasted_text_beyond_it_is_refused_without_reading_it()
    {
        var page = Render<CatalogTransferPage>();
        Assert.Equal("A file or a pasted text may be up to 4 MB.", page.Find("[data-testid=import-limit]").TextContent.Trim());

        BoxHolds(new string(' ', CatalogTransfer.MaxFileBytes + 1));
        page.Find("[data-testid=preview]").Click();

        page.WaitForAssertion(() => Assert.Equal(
            "The pasted text is 4,097 KB; the limit is 4,096 KB (4 MB), as for a file. Nothing was read; your text is still in the box.",
            page.Find("[data-testid=transfer-message]").TextContent.Trim()), Wait);
        Assert.Empty(page.FindAll("[data-testid=import-preview]"));
        Assert.Equal("", page.Find("[data-testid=import-json]").GetAttribute("value") ?? ""); // the box is left to the browser
    }

    [Fact]
    public async Task A_text_changed_after_its_preview_is_previewed_again_instead_of_applied()
    {
        var edited = await EditedExportAsync();
        var page = PreviewOf(CatalogTransfer.Serialize(edited));

        BoxHolds(CatalogTransfer.Serialize(edited with
        {
            Features = [.. edited.Features.Select(f => f.Key == "private-notebooks" ? f with { NameZh = "私人笔记本" } : f)],
        }));
        page.Find("[data-testid=apply]").Click();

        page.WaitForAssertion(() => Assert.StartsWith("The text changed after the preview", page.Find("[data-testid=transfer-message]").TextContent.Trim(), StringComparison.Ordinal), Wait);
        Assert.Contains("私人笔记本", page.Find("[data-testid=import-preview]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("私人笔记本", (await Services.GetRequiredService<CatalogTransfer>().ExportAsync()).Features.Select(f => f.NameZh ?? ""));
    }

    [Fact]
    public async Task The_preview_lists_each_changed_feature_and_gpu_model_property_and_apply_records_them()
    {
        var page = PreviewOf(CatalogTransfer.Serialize(await EditedExportAsync()));

        var feature = page.Find("tr[data-reference='Feature:private-notebooks']");
        Assert.Equal("Private notebooks", feature.QuerySelector("th")!.TextContent.Trim());
        Assert.Equal("changes this feature's texts", feature.QuerySelectorAll("td")[0].TextContent.Trim());
        Assert.Equal("name (Chinese): 私有笔记本 → 私密笔记本", LineOf(page, "Feature:private-notebooks.NameZh"));

        var gpu = page.Find("tr[data-reference='GpuModel:tesla-p100']");
        Assert.Equal("Tesla P100 (PCIe)", gpu.QuerySelector("th")!.TextContent.Trim());
        Assert.Equal("changes this GPU model's facts or texts", gpu.QuerySelectorAll("td")[0].TextContent.Trim());
        Assert.Equal(
            ["GpuModel:tesla-p100.Note", "GpuModel:tesla-p100.SourceTitleZh"],
            gpu.QuerySelectorAll("li[data-field]").Select(li => li.GetAttribute("data-field")));
        Assert.Equal("note: A 12 GB variant also exists. → A 12 GB variant exists too.", LineOf(page, "GpuModel:tesla-p100.Note"));
        Assert.Equal("source title (Chinese): NVIDIA 公布的 GPU 规格 → not stated", LineOf(page, "GpuModel:tesla-p100.SourceTitleZh"));
        Assert.All(page.FindAll("[data-testid=import-preview] tr[data-platform]"), row => Assert.Equal("Unchanged", row.GetAttribute("data-kind")));
        Assert.Contains("The file is valid", page.Find("[data-testid=transfer-message]").TextContent, StringComparison.Ordinal);

        page.Find("[data-testid=apply]").Click();

        page.WaitForAssertion(() => Assert.Contains("2 features or GPU models changed", page.Find("[data-testid=transfer-message]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Empty(page.FindAll("tr[data-reference]"));
        var kaggle = (await HistoryOfAsync("kaggle"))[0];
        Assert.Equal(AdminUserId, kaggle.ActorUserId);
        Assert.Contains(ReviewNote, kaggle.Note, StringComparison.Ordinal);
        Assert.Equal(
            ["Feature:private-notebooks.NameZh", "GpuModel:tesla-p100.Note", "GpuModel:tesla-p100.SourceTitleZh"],
            kaggle.Fields.Select(f => f.Field));
    }

    [Fact]
    public async Task A_chinese_page_names_the_entries_and_properties_in_chinese_and_describes_values_as_the_history_does()
    {
        var file = await EditedExportAsync();
        var kaggle = file.Platforms.Single(p => p.Slug == "kaggle");
        (kaggle.IdleTimeoutMinutes.Min, kaggle.IdleTimeoutMinutes.Max) = (25, 25);
        file.Platforms.Single(p => p.Slug == "colab").CpuCount.Max = -1;
        var json = CatalogTransfer.Serialize(file);
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            var page = PreviewOf(json);

            Assert.Equal("更改此功能的文字", page.Find("tr[data-reference='Feature:private-notebooks'] td").TextContent.Trim());
            Assert.Equal("名称（中文）：私有笔记本 → 私密笔记本", LineOf(page, "Feature:private-notebooks.NameZh"));
            Assert.Equal("更改此 GPU 型号的参数或文字", page.Find("tr[data-reference='GpuModel:tesla-p100'] td").TextContent.Trim());
            Assert.Equal("来源标题（中文）：NVIDIA 公布的 GPU 规格 → 未说明", LineOf(page, "GpuModel:tesla-p100.SourceTitleZh"));
            Assert.Equal("备注：A 12 GB variant also exists. → A 12 GB variant exists too.", LineOf(page, "GpuModel:tesla-p100.Note"));

            // A platform's value reads in Chinese units, as on the history pages.
            Assert.Equal("Changed", page.Find("tr[data-platform=kaggle]").GetAttribute("data-kind"));
            var idle = LineOf(page, "IdleTimeoutMinutes");
            Assert.StartsWith("空闲超时（分钟）：20 分钟", idle, StringComparison.Ordinal);
            Assert.Contains("→ 25 分钟", idle, StringComparison.Ordinal);
            Assert.DoesNotContain("min", idle, StringComparison.Ordinal);

            // A value the file gets wrong is named as the edit form names it.
            var error = page.Find("tr[data-platform=colab] [data-error-path='CpuCount.Max']").TextContent;
            Assert.StartsWith("CPU 数量：", error, StringComparison.Ordinal);
            Assert.DoesNotContain("CpuCount", error, StringComparison.Ordinal);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }
}
