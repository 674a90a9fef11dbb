using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Catalog.Editing;

using static FreeGpuPortal.Tests.Editing.EditingAssertions;

namespace FreeGpuPortal.Tests.Editing;

/// <summary>
/// The three-way merge after a concurrent save: a field only the other admin changed takes their value, a field both
/// changed waits for an explicit choice, and saving after the choice overwrites nothing unseen.
/// </summary>
public sealed class PlatformConflictTests
{
    [Fact]
    public async Task Fields_only_the_other_admin_changed_take_their_value_and_fields_both_changed_wait_for_a_choice()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var opened = await catalog.CurrentAsync("colab");
        var mine = opened.Clone();
        mine.IdleTimeoutMinutes = new SpecEditModel { Min = 45, Max = 45 };
        mine.Vendor = "Google LLC";

        var other = opened.Clone();
        other.IdleTimeoutMinutes = new SpecEditModel { Min = 60, Max = 60 };
        other.Summary = "Saved by the other admin.";
        Assert.IsType<EditResult.Success>(await catalog.Editor.UpdateAsync(new PlatformChangeRequest(other, new() { Note = "B checked." }, AdminB)));
        var conflict = Assert.IsType<EditResult.ConcurrencyConflict>(
            await catalog.Editor.UpdateAsync(new PlatformChangeRequest(mine.Clone(), new() { Note = "A checked." }, AdminA)));

        var merge = PlatformConflict.Merge(mine, opened, conflict);

        Assert.Equal(ConflictKind.Both, merge.For("IdleTimeoutMinutes")!.Kind);
        Assert.Equal(ConflictKind.TookSaved, merge.For("Summary")!.Kind);
        Assert.Null(merge.For("Vendor")); // only this admin changed it: no conflict
        Assert.True(merge.NeedsChoices);
        Assert.Equal(["IdleTimeoutMinutes"], merge.Contested.Select(f => f.Field.Name));
        Assert.Equal(45, mine.IdleTimeoutMinutes.Min); // kept until chosen
        Assert.Equal("Saved by the other admin.", mine.Summary);
        Assert.Equal("Google LLC", mine.Vendor);
        Assert.Equal(conflict.Current.ConcurrencyStamp, mine.ConcurrencyStamp);
    }

    [Fact]
    public async Task Choosing_sets_the_model_and_clears_the_wait_and_the_next_save_goes_through()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var opened = await catalog.CurrentAsync("colab");
        var mine = opened.Clone();
        mine.IdleTimeoutMinutes = new SpecEditModel { Min = 45, Max = 45 };
        var other = opened.Clone();
        other.IdleTimeoutMinutes = new SpecEditModel { Min = 60, Max = 60 };
        await catalog.Editor.UpdateAsync(new PlatformChangeRequest(other, new() { Note = "B checked." }, AdminB));
        var conflict = Assert.IsType<EditResult.ConcurrencyConflict>(
            await catalog.Editor.UpdateAsync(new PlatformChangeRequest(mine.Clone(), new() { Note = "A checked." }, AdminA)));
        var merge = PlatformConflict.Merge(mine, opened, conflict);

        merge.Choose(mine, "IdleTimeoutMinutes", useSaved: true);
        Assert.Equal(60, mine.IdleTimeoutMinutes.Min);
        Assert.False(merge.NeedsChoices);
        Assert.True(merge.For("IdleTimeoutMinutes")!.UseSaved);

        merge.Choose(mine, "IdleTimeoutMinutes", useSaved: false);
        Assert.Equal(45, mine.IdleTimeoutMinutes.Min);
        Assert.False(merge.For("IdleTimeoutMinutes")!.UseSaved);

        var saved = Assert.IsType<EditResult.Success>(
            await catalog.Editor.UpdateAsync(new PlatformChangeRequest(mine.Clone(), new() { Note = "A checked again." }, AdminA)));
        Assert.Equal(45, (await catalog.CurrentAsync("colab")).IdleTimeoutMinutes.Min);
        Assert.NotEqual(conflict.Current.ConcurrencyStamp, saved.ConcurrencyStamp);
    }

    [Fact]
    public async Task The_same_value_saved_by_both_needs_no_choice()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var opened = await catalog.CurrentAsync("colab");
        var mine = opened.Clone();
        mine.Vendor = "Alphabet";
        var other = opened.Clone();
        other.Vendor = "Alphabet";
        await catalog.Editor.UpdateAsync(new PlatformChangeRequest(other, new(), AdminB));
        mine.Summary = "Mine.";
        var conflict = Assert.IsType<EditResult.ConcurrencyConflict>(
            await catalog.Editor.UpdateAsync(new PlatformChangeRequest(mine.Clone(), new(), AdminA)));

        var merge = PlatformConflict.Merge(mine, opened, conflict);

        Assert.Equal(ConflictKind.Same, merge.For("Vendor")!.Kind);
        Assert.False(merge.NeedsChoices);
        Assert.Throws<ArgumentException>(() => merge.Choose(mine, "Pros", useSaved: true));
    }
}
