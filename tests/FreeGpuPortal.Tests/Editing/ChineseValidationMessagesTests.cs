using System.Globalization;
using System.Text.RegularExpressions;

using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Catalog.Transfer;
using FreeGpuPortal.Web.Suggestions;

using static FreeGpuPortal.Tests.Editing.EditingAssertions;

namespace FreeGpuPortal.Tests.Editing;

/// <summary>
/// The catalog's own messages (the edit rules, the editor's refusals, a catalog file's problems) are in the language
/// of the request: Chinese for zh-CN, the same English as ever otherwise, and no message of a zh-CN request left in
/// English.
/// </summary>
public sealed partial class ChineseValidationMessagesTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 5, 4);

    private readonly (CultureInfo, CultureInfo) _saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = _saved;

    private static void UseCulture(string name) =>
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Cjk();

    private static PlatformValidationContext Context(PlatformEditModel? before = null) => new()
    {
        Today = Today,
        GpuModelSlugs = new HashSet<string> { "tesla-t4", "tesla-k80" },
        FeatureKeys = new HashSet<string> { "tpu" },
        SlugsInUse = new HashSet<string> { "colab" },
        Before = before,
        RequireEvidenceForSpecChanges = true,
    };

    private static PlatformEditModel Valid() => new()
    {
        Slug = "test-platform",
        Name = "Test Platform",
        IdleTimeoutMinutes = new SpecEditModel { Min = 30, Max = 90 },
        CpuCount = new SpecEditModel { Min = 2, Max = 2 },
        Gpus = [new GpuOptionEditModel { GpuModelSlug = "tesla-t4", PerSession = 1 }, new GpuOptionEditModel { GpuModelSlug = "tesla-k80" }],
    };

    /// <summary>A platform breaking many rules at once: each of its messages is one a person may read.</summary>
    private static PlatformEditModel BrokenEverywhere()
    {
        var model = Valid();
        model.Slug = "colab";
        model.Name = " ";
        model.Website = "ftp://example.org";
        model.CpuCount = new SpecEditModel { Min = 2000, Max = 1.5 };
        model.RamGb = new SpecEditModel { Min = 16, Max = 8, AsOf = Today.AddDays(1) };
        model.StorageGb = new SpecEditModel { Min = double.NaN };
        model.MaxSessionHours = new SpecEditModel { Min = 500 };
        model.Status = PlatformStatus.Active;
        model.SuccessorSlug = "kaggle";
        model.WeeklyQuotaKind = WeeklyQuotaKind.Unknown;
        model.WeeklyGpuHours = new SpecEditModel { Min = 30 };
        model.Gpus = [new GpuOptionEditModel { GpuModelSlug = "tesla-t4", PerSession = 99 }, new GpuOptionEditModel { GpuModelSlug = "tesla-t4" }, new GpuOptionEditModel { GpuModelSlug = "h100" }, new GpuOptionEditModel()];
        model.Features = [new FeatureEditModel { Key = "tpu" }, new FeatureEditModel { Key = "tpu" }, new FeatureEditModel { Key = "quantum" }, new FeatureEditModel()];
        model.Pros = [" ", new string('p', 501)];
        model.Cons = [.. Enumerable.Repeat("Queues", 51)];
        model.Sources = [new SourceEditModel()];
        model.LastVerifiedOn = Today.AddDays(3);
        return model;
    }

    [Fact]
    public void The_rules_answer_a_zh_CN_request_in_Chinese()
    {
        UseCulture("zh-CN");
        var errors = PlatformEditValidator.Validate(BrokenEverywhere(), ChangeEvidence.None, Context(Valid()), PortalLocalizer.Shared);

        Assert.Equal(["请输入名称。"], errors["Name"]);
        Assert.Equal(["短名“colab”已被使用。"], errors["Slug"]);
        Assert.Equal(["请输入以 http:// 或 https:// 开头的完整网址。"], errors["Website"]);
        Assert.Equal(["请输入 0 到 1,024 之间的 CPU 数量。"], errors["CpuCount.Min"]);
        Assert.Equal(["CPU 数量请输入整数。"], errors["CpuCount.Max"]);
        Assert.Equal(["最大值不能小于最小值。"], errors["RamGb.Max"]);
        Assert.Equal(["日期不能晚于今天。"], errors["RamGb.AsOf"]);
        Assert.Equal(["请输入 0 到 168 小时之间的数值。"], errors["MaxSessionHours.Min"]);
        Assert.Equal(["只有已更名的平台才有后继：请清空此项，或将状态设为“已更名”。"], errors["SuccessorSlug"]);
        Assert.Equal(["每周 GPU 小时数只适用于有限的每周配额：请选择“有限”，或清空小时数。"], errors["WeeklyGpuHours.Min"]);
        Assert.Equal(["每个会话的 GPU 数量请输入 1 到 64。"], errors["Gpus[0].PerSession"]);
        Assert.Equal(["此 GPU 型号已经列出。"], errors["Gpus[1].GpuModelSlug"]);
        Assert.Equal(["没有 GPU 型号“h100”：请先将它添加到 GPU 型号中。"], errors["Gpus[2].GpuModelSlug"]);
        Assert.Equal(["没有功能“quantum”。"], errors["Features[2].Key"]);
        Assert.Equal(["最多 500 个字符。"], errors["Pros[1]"]);
        Assert.Equal(["请输入来源的 http(s) URL。"], errors["Sources[0].Url"]);
        Assert.Equal(["最多列出 50 项。"], errors["Cons"]);
    }

    [Fact]
    public void No_message_of_a_zh_CN_request_is_left_in_English()
    {
        UseCulture("zh-CN");
        var errors = PlatformEditValidator.Validate(BrokenEverywhere(), ChangeEvidence.None, Context(Valid()), PortalLocalizer.Shared);

        Assert.True(errors.Count >= 24, $"only {errors.Count} fields refused");
        var english = errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")).Where(m => !Cjk().IsMatch(m)).ToList();
        Assert.True(english.Count == 0, string.Join("\n", english));
    }

    [Fact]
    public void The_same_rules_answer_in_English_otherwise()
    {
        UseCulture("en");
        var errors = PlatformEditValidator.Validate(BrokenEverywhere(), ChangeEvidence.None, Context(Valid()), PortalLocalizer.Shared);

        Assert.Equal(["Enter a name."], errors["Name"]);
        Assert.Equal(["The slug “colab” is already in use."], errors["Slug"]);
        Assert.Equal(["Enter a number from 0 to 1,024 CPUs."], errors["CpuCount.Min"]);
        Assert.Equal(["Enter a whole number of CPUs."], errors["CpuCount.Max"]);
        Assert.Equal(["Enter a number from 0 to 168 hours."], errors["MaxSessionHours.Min"]);
        Assert.Equal(["There is no GPU model “h100”; add it to the GPU models first."], errors["Gpus[2].GpuModelSlug"]);
        Assert.All(errors.Values.SelectMany(m => m), m => Assert.DoesNotMatch(Cjk(), m));
    }

    [Fact]
    public void The_evidence_message_names_the_changed_fields_by_the_forms_Chinese_labels()
    {
        var model = Valid();
        model.IdleTimeoutMinutes.Min = 45;
        model.Gpus.RemoveAt(1);

        UseCulture("zh-CN");
        var chinese = PlatformEditValidator.Validate(model, ChangeEvidence.None, Context(Valid()), PortalLocalizer.Shared);
        Assert.Equal(["更改规格值（空闲超时（分钟）、GPU 选项）需要提供依据 URL，或说明你是如何核实的。"], chinese["Evidence.EvidenceUrl"]);

        UseCulture("en");
        var english = PlatformEditValidator.Validate(model, ChangeEvidence.None, Context(Valid()), PortalLocalizer.Shared);
        Assert.Equal(["Changing a spec value (Idle timeout (min), GPU options) needs an evidence URL or a note on how it was verified."], english["Evidence.EvidenceUrl"]);
    }

    [Fact]
    public void Every_spec_field_has_a_Chinese_label_and_every_unit_its_messages()
    {
        UseCulture("zh-CN");
        Assert.All(PlatformField.All.Where(f => f.IsSpec), field =>
            Assert.Matches(Cjk(), PlatformEditValidator.FieldLabel(field, PortalLocalizer.Shared)));

        foreach (var culture in new[] { "en", "zh-CN" })
        {
            UseCulture(culture);
            Assert.All(Specs.All, rule =>
            {
                Assert.False(PortalLocalizer.Shared[PlatformEditValidator.OutOfRangeKey(rule.Unit)].ResourceNotFound, rule.Name);
                if (rule.WholeNumber)
                {
                    Assert.False(PortalLocalizer.Shared[PlatformEditValidator.NotWholeKey(rule.Unit)].ResourceNotFound, rule.Name);
                }
            });
        }
    }

    [Fact]
    public void A_GPU_model_and_a_catalog_files_entries_are_refused_in_Chinese()
    {
        UseCulture("zh-CN");
        var model = new GpuModelEditModel { Slug = "H 100", Name = "", MemoryGb = 2048 };
        var errors = PlatformEditValidator.ValidateGpuModel(model, new HashSet<string>(), PortalLocalizer.Shared);
        Assert.Equal(["请使用小写字母和数字，单词之间用单个连字符分隔（如“google-colab”）。"], errors["Slug"]);
        Assert.Equal(["请输入 0 到 1,024 GB 之间的数值。"], errors["MemoryGb"]);

        var tpu = new FeatureEntry("tpu", "", null, new string('字', 121), null);
        Assert.Equal(["功能“tpu”没有名称。", "功能“tpu”：名称（中文）超过了 120 个字符。"], ReferenceImport.Problems(tpu, PortalLocalizer.Shared));
        var p100 = new GpuModelEntry("tesla-p100", "Tesla P100", null, null, 16, null, null, "not a url", null, null);
        Assert.Equal(["GPU 型号“tesla-p100”：来源地址：请输入以 http:// 或 https:// 开头的完整网址。"], ReferenceImport.Problems(p100, PortalLocalizer.Shared));
    }

    [Fact]
    public async Task The_editors_refusals_are_in_the_language_of_the_request()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var gradient = await catalog.CurrentAsync("gradient");
        var count = await catalog.HistoryCountAsync();

        UseCulture("zh-CN");
        var retire = Assert.IsType<EditResult.ValidationFailed>(
            await catalog.Editor.RetireAsync(gradient.Id, gradient.ConcurrencyStamp, PlatformStatus.Changed, null, AdminA));
        Assert.Equal(["停用平台时请选择“已停止服务”，或选择“已更名”并填写后继。"], retire.Errors["Status"]);
        var verify = Assert.IsType<EditResult.ValidationFailed>(
            await catalog.Editor.VerifyAsync(gradient.Id, gradient.ConcurrencyStamp, AdminA, ChangeEvidence.None));
        Assert.Equal(["请提供你核对这些值时所依据页面的地址（http 或 https）。"], verify.Errors["Evidence.EvidenceUrl"]);
        var moved = Assert.IsType<EditResult.ValidationFailed>(await catalog.Editor.ReplaceSourceUrlAsync(
            gradient.Id, gradient.ConcurrencyStamp, "https://example.org/gone", "https://example.org/new", AdminA, ChangeEvidence.None));
        Assert.Equal(["该平台已不再引用 https://example.org/gone。"], moved.Errors["SourceUrl"]);

        UseCulture("en");
        var english = Assert.IsType<EditResult.ValidationFailed>(
            await catalog.Editor.RetireAsync(gradient.Id, gradient.ConcurrencyStamp, PlatformStatus.Changed, null, AdminA));
        Assert.Equal(["Retire a platform as Discontinued, or as Renamed with its successor."], english.Errors["Status"]);
        Assert.Equal(count, await catalog.HistoryCountAsync());
    }

    [Fact]
    public void Every_decided_suggestion_has_its_refusal_in_both_languages()
    {
        foreach (var culture in new[] { "en", "zh-CN" })
        {
            UseCulture(culture);
            Assert.All(Enum.GetValues<SuggestionStatus>().Where(s => s != SuggestionStatus.Pending), status =>
                Assert.False(PortalLocalizer.Shared["Edit.Refused.SuggestionDecided." + status].ResourceNotFound, $"{culture}: {status}"));
        }
    }

    [Theory]
    [InlineData("", "文件是空的。")]
    [InlineData("{ \"formatVersion\": 7, \"platforms\": [] }", "文件的格式版本为 7；本门户读取的是版本 1。")]
    [InlineData("[1, 2, 3]", "文件不是有效的目录 JSON")]
    public async Task A_catalog_files_problem_is_in_Chinese_for_a_zh_CN_request(string json, string problem)
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var transfer = new CatalogTransfer(catalog.ContextFactory, catalog.Editor, catalog.Clock, PortalLocalizer.Shared);

        UseCulture("zh-CN");
        var preview = await transfer.PreviewAsync(json);

        Assert.StartsWith(problem, Assert.Single(preview.Problems), StringComparison.Ordinal);
    }
}
