using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Catalog.Editing;

using static FreeGpuPortal.Tests.Editing.EditingAssertions;

namespace FreeGpuPortal.Tests.Editing;

/// <summary>Reverting applies a change's old values as a new change; a field changed again since needs confirming.</summary>
public sealed class RevertTests
{
    private static async Task<(SpecEditModel Original, EditResult.Success Edit)> ChangeIdleTimeAsync(SqliteCatalog catalog, double minutes)
    {
        var original = (await catalog.CurrentAsync("colab")).IdleTimeoutMinutes;
        var edit = await catalog.Editor.EditAsync(
            "colab", c => c.IdleTimeoutMinutes = new SpecEditModel { Min = minutes, Max = minutes, SourceUrl = "https://example.org/idle" }, actor: AdminA);
        return (original, edit);
    }

    [Fact]
    public async Task Reverting_restores_the_exact_old_values_as_a_new_revert_entry()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var (original, edit) = await ChangeIdleTimeAsync(catalog, 45);
        catalog.Clock.Advance(TimeSpan.FromHours(1));
        var count = await catalog.HistoryCountAsync();

        var result = await catalog.Editor.RevertAsync(edit.ChangeId, AdminB, confirmFieldsChangedSince: false);

        var revert = Assert.IsType<EditResult.Success>(result);
        var colab = await catalog.CurrentAsync("colab");
        Assert.Equal(Json(original), Json(colab.IdleTimeoutMinutes));
        Assert.Equal(count + 1, await catalog.HistoryCountAsync());
        var change = await catalog.ChangeAsync(revert.ChangeId);
        Assert.Equal(ChangeKind.Revert, change.Kind);
        Assert.Equal(edit.ChangeId, change.RevertOfChangeId);
        Assert.Equal(AdminB.UserId, change.ActorUserId);
        Assert.Equal(ManualTimeProvider.DefaultStart.AddHours(1).UtcDateTime, change.AtUtc);
        Assert.Equal($"Reverted change {edit.ChangeId}.", change.Note);
        var field = Assert.Single(change.Fields);
        Assert.Equal("IdleTimeoutMinutes", field.Field);
        Assert.Equal(45, Deserialize<SpecEditModel>(field.OldJson).Min);
        Assert.Equal(Json(original), field.NewJson);
        Assert.Equal(30, (await catalog.SnapshotAsync()).Platforms.Single(p => p.Slug == "colab")[Specs.IdleTimeoutMinutes].Min);
    }

    [Fact]
    public async Task A_field_changed_again_since_needs_confirmation_before_it_is_reverted()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var (original, first) = await ChangeIdleTimeAsync(catalog, 45);
        await ChangeIdleTimeAsync(catalog, 50);
        var count = await catalog.HistoryCountAsync();

        var ask = await catalog.Editor.RevertAsync(first.ChangeId, AdminB, confirmFieldsChangedSince: false);

        var needs = Assert.IsType<EditResult.NeedsConfirmation>(ask);
        Assert.Equal(["IdleTimeoutMinutes"], needs.FieldsChangedSince);
        Assert.Equal(count, await catalog.HistoryCountAsync());
        Assert.Equal(50, (await catalog.CurrentAsync("colab")).IdleTimeoutMinutes.Min);

        var confirmed = Assert.IsType<EditResult.Success>(
            await catalog.Editor.RevertAsync(first.ChangeId, AdminB, confirmFieldsChangedSince: true, note: "The 45 was a misreading."));

        Assert.Equal(Json(original), Json((await catalog.CurrentAsync("colab")).IdleTimeoutMinutes));
        var change = await catalog.ChangeAsync(confirmed.ChangeId);
        Assert.Equal(ChangeKind.Revert, change.Kind);
        Assert.Equal("The 45 was a misreading.", change.Note);
        Assert.Equal(50, Deserialize<SpecEditModel>(Assert.Single(change.Fields).OldJson).Min);
    }

    [Fact]
    public async Task A_later_change_to_other_fields_needs_no_confirmation_and_is_kept()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var (original, first) = await ChangeIdleTimeAsync(catalog, 45);
        await catalog.Editor.EditAsync("colab", c => c.Pros.Add("Later pro"));

        var revert = await catalog.Editor.RevertAsync(first.ChangeId, AdminB, confirmFieldsChangedSince: false);

        Assert.IsType<EditResult.Success>(revert);
        var colab = await catalog.CurrentAsync("colab");
        Assert.Equal(Json(original), Json(colab.IdleTimeoutMinutes));
        Assert.Contains("Later pro", colab.Pros);
    }

    [Fact]
    public async Task Reverting_a_revert_applies_the_change_again()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var (_, edit) = await ChangeIdleTimeAsync(catalog, 45);
        var revert = Assert.IsType<EditResult.Success>(await catalog.Editor.RevertAsync(edit.ChangeId, AdminB, false));

        var again = Assert.IsType<EditResult.Success>(await catalog.Editor.RevertAsync(revert.ChangeId, AdminA, false));

        Assert.Equal(45, (await catalog.CurrentAsync("colab")).IdleTimeoutMinutes.Min);
        var change = await catalog.ChangeAsync(again.ChangeId);
        Assert.Equal(ChangeKind.Revert, change.Kind);
        Assert.Equal(revert.ChangeId, change.RevertOfChangeId);
    }

    [Fact]
    public async Task Reverting_gpu_options_restores_the_rows()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var before = await catalog.CurrentAsync("colab");
        var edit = await catalog.Editor.EditAsync("colab", c =>
        {
            c.Gpus.RemoveAll(g => g.GpuModelSlug == "tesla-k80");
            c.Features.Clear();
        });

        Assert.IsType<EditResult.Success>(await catalog.Editor.RevertAsync(edit.ChangeId, AdminA, false));

        var after = await catalog.CurrentAsync("colab");
        Assert.Equal(Json(before.Gpus), Json(after.Gpus));
        Assert.Equal(Json(before.Features), Json(after.Features));
    }

    [Fact]
    public async Task Retiring_can_be_reverted_but_creating_cannot()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var gradient = await catalog.CurrentAsync("gradient");
        var retired = Assert.IsType<EditResult.Success>(
            await catalog.Editor.RetireAsync(gradient.Id, gradient.ConcurrencyStamp, Web.Catalog.PlatformStatus.Discontinued, null, AdminA));

        Assert.IsType<EditResult.Success>(await catalog.Editor.RevertAsync(retired.ChangeId, AdminA, false));
        Assert.Equal(Web.Catalog.PlatformStatus.Active, (await catalog.CurrentAsync("gradient")).Status);

        var seed = ((await catalog.History.ForPlatformPageAsync("gradient", includeActors: true, page: 1, pageSize: CatalogHistory.MaxPageSize)).Entries).Single(e => e.Kind == ChangeKind.Seed);
        var refused = Assert.IsType<EditResult.ValidationFailed>(await catalog.Editor.RevertAsync(seed.Id, AdminA, true));
        Assert.Equal(["Creating a platform cannot be reverted; retire the platform instead."], refused.Errors["Change"]);
    }
}
