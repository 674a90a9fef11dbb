using System.Globalization;

using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Catalog.Transfer;

using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.IntegrationTests.Localization;

/// <summary>
/// The real app's editor and catalog import, as its admin pages call them, refuse a zh-CN request in Chinese and any
/// other in English, through the localizer the app registers; a refused save writes nothing.
/// </summary>
public sealed class ChineseEditMessagesTests(PortalHost factory) : IClassFixture<PortalHost>, IDisposable
{
    private static readonly Actor Admin = new("admin-1", "admin@example.org");

    private readonly (CultureInfo, CultureInfo) _saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = _saved;

    private static void UseCulture(string name) =>
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

    private CatalogEditor Editor
    {
        get
        {
            _ = factory.CreateClient(); // start the app: migrate and seed
            return factory.Services.GetRequiredService<CatalogEditor>();
        }
    }

    private async Task<EditResult.ValidationFailed> SaveBrokenKaggleAsync()
    {
        var kaggle = (await Editor.GetForEditAsync("kaggle"))!;
        kaggle.Name = " ";
        kaggle.Slug = "colab";
        kaggle.MaxSessionHours.Min = 500;
        kaggle.MaxSessionHours.Max = 500;
        var result = await Editor.UpdateAsync(new PlatformChangeRequest(kaggle, ChangeEvidence.None, Admin));
        return Assert.IsType<EditResult.ValidationFailed>(result);
    }

    [Fact]
    public async Task A_refused_save_on_a_zh_CN_request_says_why_in_Chinese_and_saves_nothing()
    {
        var before = (await Editor.GetForEditAsync("kaggle"))!;

        UseCulture("zh-CN");
        var refused = await SaveBrokenKaggleAsync();

        Assert.Equal(["请输入名称。"], refused.Errors["Name"]);
        Assert.Equal(["短名“colab”已被使用。"], refused.Errors["Slug"]);
        Assert.Equal(["请输入 0 到 168 小时之间的数值。"], refused.Errors["MaxSessionHours.Min"]);
        Assert.Equal(["更改规格值（单次会话最长时间（小时））需要提供依据 URL，或说明你是如何核实的。"], refused.Errors["Evidence.EvidenceUrl"]);
        Assert.Equal(before.ConcurrencyStamp, (await Editor.GetForEditAsync("kaggle"))!.ConcurrencyStamp);
    }

    [Fact]
    public async Task The_same_refusal_on_an_English_request_is_in_English()
    {
        UseCulture("en");
        var refused = await SaveBrokenKaggleAsync();

        Assert.Equal(["Enter a name."], refused.Errors["Name"]);
        Assert.Equal(["The slug “colab” is already in use."], refused.Errors["Slug"]);
        Assert.Equal(["Enter a number from 0 to 168 hours."], refused.Errors["MaxSessionHours.Min"]);
    }

    [Fact]
    public async Task Reverting_the_creation_of_a_platform_is_refused_in_Chinese()
    {
        var editor = Editor;
        var lightning = new PlatformEditModel { Slug = "lightning-zh", Name = "Lightning Studios" };
        var created = Assert.IsType<EditResult.Success>(await editor.CreateAsync(new PlatformChangeRequest(lightning, ChangeEvidence.None, Admin)));

        UseCulture("zh-CN");
        var refused = Assert.IsType<EditResult.ValidationFailed>(await editor.RevertAsync(created.ChangeId, Admin, confirmFieldsChangedSince: true));

        Assert.Equal(["创建平台的更改无法撤销：请改为停用该平台。"], refused.Errors["Change"]);
    }

    [Fact]
    public async Task A_catalog_files_problem_on_a_zh_CN_request_is_in_Chinese()
    {
        _ = Editor;
        var transfer = factory.Services.GetRequiredService<CatalogTransfer>();

        UseCulture("zh-CN");
        var preview = await transfer.PreviewAsync("{ \"formatVersion\": 1, \"platforms\": [ { \"slug\": ");

        Assert.StartsWith("文件不是有效的目录 JSON（第 1 行，", Assert.Single(preview.Problems), StringComparison.Ordinal);
        Assert.False(preview.CanApply);
    }
}
