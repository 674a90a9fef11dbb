using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog.Editing;

using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Tests.Editing;

/// <summary>
/// Chinese text is edited through the audited editor like English: each change is recorded with a field name that
/// says it is the Chinese, a revert restores it, a spec's Chinese note follows the note rule, and its length is checked.
/// </summary>
public sealed class ChineseTextEditingTests
{
    [Fact]
    public async Task A_Chinese_summary_edit_is_recorded_as_the_Chinese_field_and_reverts()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var seeded = (await catalog.Editor.GetForEditAsync("kaggle"))!.SummaryZh;

        var edit = await catalog.Editor.EditAsync("kaggle", kaggle => kaggle.SummaryZh = "  Kaggle Notebooks：新的中文简介。  ");

        var entry = Assert.Single((await catalog.History.ForPlatformPageAsync("kaggle", includeActors: true, page: 1, pageSize: CatalogHistory.MaxPageSize)).Entries, e => e.Id == edit.ChangeId);
        var field = Assert.Single(entry.Fields);
        Assert.Equal(nameof(PlatformEditModel.SummaryZh), field.Field);
        Assert.Equal("Summary (Chinese)", field.Label);
        Assert.Equal(seeded, field.OldValue);
        Assert.Equal("Kaggle Notebooks：新的中文简介。", field.NewValue);
        var englishSummary = (await catalog.Editor.GetForEditAsync("kaggle"))!.Summary;
        Assert.StartsWith("Kaggle Notebooks: shareable", englishSummary, StringComparison.Ordinal);

        Assert.IsType<EditResult.Success>(await catalog.Editor.RevertAsync(edit.ChangeId, CatalogEdits.TestAdmin, confirmFieldsChangedSince: false));
        Assert.Equal(seeded, (await catalog.Editor.GetForEditAsync("kaggle"))!.SummaryZh);
    }

    [Fact]
    public async Task A_Chinese_note_of_a_value_is_part_of_that_value_in_history()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();

        var edit = await catalog.Editor.EditAsync("kaggle", kaggle => kaggle.IdleTimeoutMinutes.NoteZh = "交互模式下 20 分钟。");

        var entry = Assert.Single((await catalog.History.ForPlatformPageAsync("kaggle", includeActors: true, page: 1, pageSize: CatalogHistory.MaxPageSize)).Entries, e => e.Id == edit.ChangeId);
        var field = Assert.Single(entry.Fields);
        Assert.Equal(nameof(PlatformEditModel.IdleTimeoutMinutes), field.Field);
        Assert.Contains("Chinese: “交互模式下 20 分钟。”", field.NewValue, StringComparison.Ordinal);
        Assert.Contains("Chinese: “在交互式 GPU 模式下。”", field.OldValue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_value_drops_both_notes_written_for_the_old_one_unless_they_still_hold()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();

        await catalog.Editor.EditAsync("kaggle", kaggle => kaggle.IdleTimeoutMinutes.Min = kaggle.IdleTimeoutMinutes.Max = 30);
        var dropped = (await catalog.Editor.GetForEditAsync("kaggle"))!.IdleTimeoutMinutes;
        Assert.Null(dropped.Note);
        Assert.Null(dropped.NoteZh);

        await catalog.Editor.EditAsync("colab", colab =>
        {
            colab.MaxSessionHours.Min = colab.MaxSessionHours.Max = 11;
            colab.NotesStillHold.Add(nameof(PlatformEditModel.MaxSessionHours));
        });
        var kept = (await catalog.Editor.GetForEditAsync("colab"))!.MaxSessionHours;
        Assert.Equal("A long execution time of 12 hours.", kept.Note);
        Assert.Equal("执行时间较长，为 12 小时。", kept.NoteZh);
    }

    [Fact]
    public async Task Chinese_lists_are_saved_trimmed_and_a_blank_item_is_refused()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var model = (await catalog.Editor.GetForEditAsync("gradient"))!;
        model.ProsZh.Add("   ");
        model.SummaryZh = new string('长', PlatformEditValidator.SummaryMaxLength + 1);

        var result = await catalog.Editor.UpdateAsync(new PlatformChangeRequest(model, new ChangeEvidence { Note = "test" }, CatalogEdits.TestAdmin));

        var failed = Assert.IsType<EditResult.ValidationFailed>(result);
        Assert.Contains($"ProsZh[{model.ProsZh.Count - 1}]", failed.Errors.Keys);
        Assert.Contains("SummaryZh", failed.Errors.Keys);
        await using var db = await catalog.ContextFactory.CreateDbContextAsync();
        Assert.DoesNotContain(new string('长', 10), (await db.Platforms.SingleAsync(p => p.Slug == "gradient")).SummaryZh ?? "", StringComparison.Ordinal);
    }
}
