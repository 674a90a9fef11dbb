using System.Text.Json;

using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Catalog.Transfer;

namespace FreeGpuPortal.Tests.Catalog;

/// <summary>What a catalog file changes in the features and GPU models, property by property, and how history names it.</summary>
public sealed class ReferenceImportTests
{
    private static readonly FeatureEntry Tpu = new("tpu", "Free TPU", "Tensor processing units at no cost.", "免费 TPU", null);

    private static readonly GpuModelEntry P100 = new(
        "tesla-p100", "Tesla P100", "NVIDIA", "Pascal", 16, "HBM2", "A 12 GB variant also exists.", null, "NVIDIA's published GPU specifications", "另有 12 GB 版本。",
        "NVIDIA 公布的 GPU 规格");

    [Fact]
    public void An_identical_entry_changes_nothing_even_with_blank_texts_and_spaces_around_them()
    {
        Assert.Empty(ReferenceImport.Changes(Tpu, ReferenceImport.Normalized(Tpu with { Name = " Free TPU ", DescriptionZh = "  " })));
        Assert.Empty(ReferenceImport.Changes(P100, ReferenceImport.Normalized(P100 with { SourceUrl = "" })));
    }

    [Fact]
    public void Each_changed_property_is_one_change_with_typed_json_and_display_text()
    {
        var changes = ReferenceImport.Changes(Tpu, ReferenceImport.Normalized(Tpu with { NameZh = "免费的 TPU", DescriptionZh = "免费使用张量处理单元。" }));

        Assert.Equal(["Feature:tpu.NameZh", "Feature:tpu.DescriptionZh"], changes.Select(c => c.Field.Name));
        Assert.Equal(("免费 TPU", "免费的 TPU"), (JsonSerializer.Deserialize<string>(changes[0].OldJson!), JsonSerializer.Deserialize<string>(changes[0].NewJson!)));
        Assert.Equal(("null", "not stated"), (changes[1].OldJson, changes[1].OldDisplay));
        Assert.Equal("免费使用张量处理单元。", changes[1].NewDisplay);
    }

    [Fact]
    public void A_gpu_models_memory_is_compared_as_a_number()
    {
        var change = Assert.Single(ReferenceImport.Changes(P100, P100 with { MemoryGb = 12 }));

        Assert.Equal("GpuModel:tesla-p100.MemoryGb", change.Field.Name);
        Assert.Equal(("16", "12"), (change.OldJson, change.NewJson));
        Assert.Equal("GPU model tesla-p100: memory (GB)", change.Field.Label);
    }

    [Fact]
    public void A_gpu_models_chinese_source_title_is_a_property_of_its_own()
    {
        var change = Assert.Single(ReferenceImport.Changes(P100, ReferenceImport.Normalized(P100 with { SourceTitleZh = " " })));

        Assert.Equal("GpuModel:tesla-p100.SourceTitleZh", change.Field.Name);
        Assert.Equal(("NVIDIA 公布的 GPU 规格", "not stated"), (change.OldDisplay, change.NewDisplay));
        Assert.Equal("GPU model tesla-p100: source title (Chinese)", change.Field.Label);
        Assert.Equal(change.Field, ReferenceField.Parse(change.Field.Name));
    }

    [Fact]
    public void A_gpu_models_source_as_of_date_is_compared_as_a_date_and_refused_in_the_future()
    {
        var dated = P100 with { SourceAsOf = new DateOnly(2026, 4, 30) };
        var change = Assert.Single(ReferenceImport.Changes(P100, ReferenceImport.Normalized(dated)));

        Assert.Equal("GpuModel:tesla-p100.SourceAsOf", change.Field.Name);
        Assert.Equal(("null", "\"2026-04-30\""), (change.OldJson, change.NewJson));
        Assert.Equal(("not stated", "2026-04-30"), (change.OldDisplay, change.NewDisplay));
        Assert.Equal("GPU model tesla-p100: source as of", change.Field.Label);
        Assert.Empty(ReferenceImport.Problems(dated, PortalLocalizer.Shared, today: new DateOnly(2026, 4, 30)));
        Assert.Equal(
            ["GPU model “tesla-p100”: source as of: Enter a date no later than today."],
            ReferenceImport.Problems(dated, PortalLocalizer.Shared, today: new DateOnly(2026, 4, 29)));
    }

    [Fact]
    public void A_created_entry_has_no_old_values_and_a_deleted_one_no_new_values()
    {
        var change = Assert.Single(ReferenceImport.Changes(P100, P100 with { MemoryGb = 12 }));

        var created = HistoryWriter.FieldRow(change, ChangeKind.Create);
        var deleted = HistoryWriter.FieldRow(change, ChangeKind.Delete);
        var edited = HistoryWriter.FieldRow(change, ChangeKind.Edit);

        Assert.Equal((null, null, "12"), (created.OldJson, created.OldDisplay, created.NewJson));
        Assert.Equal(("16", null, null), (deleted.OldJson, deleted.NewJson, deleted.NewDisplay));
        Assert.Equal(("16", "12", "GpuModel:tesla-p100.MemoryGb"), (edited.OldJson, edited.NewJson, edited.Field));
    }

    [Fact]
    public void Apply_writes_every_property_to_the_entity()
    {
        var feature = new Feature { Key = "tpu", Name = "Free TPU" };
        ReferenceImport.Apply(feature, Tpu with { NameZh = "TPU（免费）" });
        Assert.Equal(Tpu with { NameZh = "TPU（免费）" }, ReferenceImport.EntryOf(feature));

        var model = new GpuModel { Slug = "tesla-p100", Name = "P100" };
        ReferenceImport.Apply(model, P100 with { SourceAsOf = new DateOnly(2026, 1, 2) });
        Assert.Equal(P100 with { SourceAsOf = new DateOnly(2026, 1, 2) }, ReferenceImport.EntryOf(model));
    }

    [Fact]
    public void Problems_name_the_entry_and_what_is_wrong()
    {
        Assert.Empty(ReferenceImport.Problems(Tpu, PortalLocalizer.Shared));
        Assert.Equal(["Feature “tpu” has no name."], ReferenceImport.Problems(Tpu with { Name = "" }, PortalLocalizer.Shared));
        Assert.Contains(ReferenceImport.Problems(Tpu with { NameZh = new string('字', 121) }, PortalLocalizer.Shared), p => p == "Feature “tpu”: name (Chinese) is longer than 120 characters.");
        Assert.Empty(ReferenceImport.Problems(P100, PortalLocalizer.Shared));
        Assert.Contains(ReferenceImport.Problems(P100 with { SourceUrl = "not a url" }, PortalLocalizer.Shared), p => p == "GPU model “tesla-p100”: source address: Enter a full web address starting with http:// or https://.");
        Assert.Contains(ReferenceImport.Problems(P100 with { NoteZh = new string('字', 1001) }, PortalLocalizer.Shared), p => p == "GPU model “tesla-p100”: note (Chinese): Use at most 1,000 characters.");
        Assert.Contains(ReferenceImport.Problems(P100 with { SourceTitleZh = new string('字', 301) }, PortalLocalizer.Shared), p => p.StartsWith("GPU model “tesla-p100”: source title (Chinese): Use at most", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Feature:tpu.NameZh", ReferenceTable.Feature, "tpu", "NameZh")]
    [InlineData("GpuModel:tesla-p100.MemoryGb", ReferenceTable.GpuModel, "tesla-p100", "MemoryGb")]
    public void History_names_read_back_as_the_field_they_name(string name, ReferenceTable table, string key, string property)
    {
        var field = ReferenceField.Parse(name);

        Assert.Equal(new ReferenceField(table, key, property), field);
        Assert.Equal(name, field!.Name);
    }

    [Theory]
    [InlineData("SummaryZh")]
    [InlineData("Gpus")]
    [InlineData("Feature:tpu")]
    [InlineData("Platform:kaggle.Name")]
    [InlineData("Feature:tpu.Colour")]
    public void A_platform_field_or_unknown_name_is_no_reference_field(string name)
    {
        Assert.Null(ReferenceField.Parse(name));
    }
}
