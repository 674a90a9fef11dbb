using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Data;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

using static FreeGpuPortal.Tests.Editing.EditingAssertions;

namespace FreeGpuPortal.Tests.Editing;

/// <summary>Two admins edit one platform: the first save wins, the second is refused with both versions and loses nothing.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task The_second_save_is_refused_with_both_versions_and_what_changed_and_can_be_saved_again()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var formA = await catalog.CurrentAsync("colab");
        var formB = await catalog.CurrentAsync("colab");
        Assert.Equal(formA.ConcurrencyStamp, formB.ConcurrencyStamp);

        formA.IdleTimeoutMinutes = new SpecEditModel { Min = 45, Max = 45, Note = "A measured it." };
        formA.Pros.Add("A's pro");
        var savedA = Assert.IsType<EditResult.Success>(
            await catalog.Editor.UpdateAsync(new PlatformChangeRequest(formA, new ChangeEvidence { Note = "Timed a session." }, AdminA)));

        formB.MaxSessionHours = new SpecEditModel { Min = 10, Max = 10 };
        formB.Cons.Add("B's con");
        var formBJson = Json(formB);
        var historyBefore = await catalog.HistoryCountAsync();
        var generation = catalog.Signal.Generation;

        var result = await catalog.Editor.UpdateAsync(new PlatformChangeRequest(formB, new ChangeEvidence { Note = "Read the FAQ." }, AdminB));

        var conflict = Assert.IsType<EditResult.ConcurrencyConflict>(result);
        Assert.Equal(savedA.ConcurrencyStamp, conflict.Current.ConcurrencyStamp);
        Assert.Equal(45, conflict.Current.IdleTimeoutMinutes.Min);
        Assert.Contains("A's pro", conflict.Current.Pros);
        Assert.Equal(12, conflict.Current.MaxSessionHours.Min);
        Assert.Equal(["IdleTimeoutMinutes", "Pros"], conflict.ChangedFields);
        Assert.Same(formB, conflict.Submitted);
        Assert.Equal(formBJson, Json(formB));
        Assert.Equal(historyBefore, await catalog.HistoryCountAsync());
        Assert.Equal(generation, catalog.Signal.Generation);
        Assert.Equal(12, (await catalog.CurrentAsync("colab")).MaxSessionHours.Min);

        // B merges A's fields into the form, takes the new stamp and saves again: nothing of either is lost.
        formB.IdleTimeoutMinutes = conflict.Current.IdleTimeoutMinutes;
        formB.Pros = conflict.Current.Pros;
        formB.ConcurrencyStamp = conflict.Current.ConcurrencyStamp;
        var savedB = Assert.IsType<EditResult.Success>(
            await catalog.Editor.UpdateAsync(new PlatformChangeRequest(formB, new ChangeEvidence { Note = "Read the FAQ." }, AdminB)));

        var after = await catalog.CurrentAsync("colab");
        Assert.Equal(45, after.IdleTimeoutMinutes.Min);
        Assert.Equal(10, after.MaxSessionHours.Min);
        Assert.Contains("A's pro", after.Pros);
        Assert.Contains("B's con", after.Cons);
        Assert.Equal(["MaxSessionHours", "Cons"], (await catalog.ChangeAsync(savedB.ChangeId)).Fields.Select(f => f.Field));
    }

    [Fact]
    public async Task A_stale_stamp_refuses_the_one_click_actions_too()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var stale = await catalog.CurrentAsync("kaggle");
        await catalog.Editor.EditAsync("kaggle", k => k.Vendor = "Google LLC");
        var count = await catalog.HistoryCountAsync();

        var verify = Assert.IsType<EditResult.ConcurrencyConflict>(await catalog.Editor.VerifyAsync(stale.Id, stale.ConcurrencyStamp, AdminA, new ChangeEvidence { EvidenceUrl = "https://www.kaggle.com/docs/notebooks" }));
        Assert.Equal(["Vendor"], verify.ChangedFields);
        Assert.Null(verify.Submitted);
        Assert.IsType<EditResult.ConcurrencyConflict>(
            await catalog.Editor.RetireAsync(stale.Id, stale.ConcurrencyStamp, PlatformStatus.Discontinued, null, AdminA));
        Assert.IsType<EditResult.ConcurrencyConflict>(await catalog.Editor.RestoreAsync(stale.Id, stale.ConcurrencyStamp, AdminA));
        Assert.Equal(count, await catalog.HistoryCountAsync());
        Assert.Null((await catalog.CurrentAsync("kaggle")).LastVerifiedOn);
    }

    [Fact]
    public async Task A_save_landing_between_read_and_write_is_caught_by_the_concurrency_token()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        // An editor whose contexts let another admin's edit land right before their own save is written.
        var racing = new RacingContextFactory(catalog, async () =>
            await catalog.Editor.EditAsync("colab", c => c.Vendor = "Alphabet", actor: AdminA));
        var editor = new CatalogEditor(racing, catalog.Clock, NullLogger<CatalogEditor>.Instance, PortalLocalizer.Shared);
        var form = await catalog.CurrentAsync("colab");
        form.Summary = "B's summary";
        var count = await catalog.HistoryCountAsync();

        var result = await editor.UpdateAsync(new PlatformChangeRequest(form, ChangeEvidence.None, AdminB));

        var conflict = Assert.IsType<EditResult.ConcurrencyConflict>(result);
        Assert.True(racing.Raced);
        Assert.Equal("Alphabet", conflict.Current.Vendor);
        Assert.Equal(["Vendor"], conflict.ChangedFields);
        Assert.Same(form, conflict.Submitted);
        Assert.Equal(count + 1, await catalog.HistoryCountAsync()); // A's entry only
        Assert.NotEqual("B's summary", (await catalog.CurrentAsync("colab")).Summary);
    }

    /// <summary>Contexts on the catalog's database whose first save first runs <paramref name="race"/>.</summary>
    private sealed class RacingContextFactory(SqliteCatalog catalog, Func<Task> race) : IDbContextFactory<CatalogDbContext>
    {
        public bool Raced { get; private set; }

        private Func<Task> Race { get; } = race;

        public CatalogDbContext CreateDbContext() => new(new DbContextOptionsBuilder<CatalogDbContext>()
            .UseSqlite(catalog.Connection)
            .AddInterceptors(new CatalogAuditGuard(), new RaceInterceptor(this))
            .Options);

        private sealed class RaceInterceptor(RacingContextFactory owner) : SaveChangesInterceptor
        {
            public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
                DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
            {
                if (!owner.Raced)
                {
                    owner.Raced = true;
                    await owner.Race();
                }

                return result;
            }
        }
    }
}
