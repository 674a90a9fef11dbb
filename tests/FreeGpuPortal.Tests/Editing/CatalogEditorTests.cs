using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Catalog.Editing;

using static FreeGpuPortal.Tests.Editing.EditingAssertions;

namespace FreeGpuPortal.Tests.Editing;

/// <summary>
/// Each kind of change through the editor over a real, migrated and seeded SQLite catalog: exactly one history entry
/// with the right kind, actor, UTC time, fields old → new, evidence and note; refused saves write nothing.
/// </summary>
public sealed class CatalogEditorTests
{
    private static readonly ChangeEvidence Checked = new() { EvidenceUrl = "https://www.kaggle.com/docs/notebooks", Note = "Compared the quota page." };

    private static PlatformEditModel NewPlatform() => new()
    {
        Slug = "lightning-studio",
        Name = "Lightning Studio",
        Vendor = "Lightning AI",
        Website = "https://lightning.ai",
        MaxSessionHours = new SpecEditModel { Min = 4, Max = 4, SourceUrl = "https://lightning.ai/pricing", SourceTitle = "Pricing" },
        Gpus = [new GpuOptionEditModel { GpuModelSlug = "tesla-t4", PerSession = 1 }],
        Features = [new FeatureEditModel { Key = "private-notebooks", Available = true }],
        Pros = ["Persistent storage"],
        Sources = [new SourceEditModel { Url = "https://lightning.ai/pricing", Title = "Pricing" }],
    };

    [Fact]
    public async Task Creating_a_platform_records_one_create_entry()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var before = await catalog.HistoryCountAsync();
        catalog.Clock.Advance(TimeSpan.FromMinutes(5));

        var result = await catalog.Editor.CreateAsync(new PlatformChangeRequest(
            NewPlatform(), new ChangeEvidence { EvidenceUrl = "https://lightning.ai/pricing", Note = "Read the pricing page." }, AdminA));

        var success = Assert.IsType<EditResult.Success>(result);
        Assert.Equal(before + 1, await catalog.HistoryCountAsync());
        var change = await catalog.ChangeAsync(success.ChangeId);
        Assert.Equal(ChangeKind.Create, change.Kind);
        Assert.Equal(success.PlatformId, change.PlatformId);
        Assert.Equal(AdminA.UserId, change.ActorUserId);
        Assert.Equal(AdminA.DisplayName, change.ActorDisplayName);
        Assert.Equal(ManualTimeProvider.DefaultStart.AddMinutes(5).UtcDateTime, change.AtUtc);
        Assert.Equal(DateTimeKind.Utc, change.AtUtc.Kind);
        Assert.Equal("https://lightning.ai/pricing", change.EvidenceUrl);
        Assert.Equal("Read the pricing page.", change.Note);
        Assert.Equal(success.ConcurrencyStamp, change.ConcurrencyStampAfter);
        Assert.Equal(
            ["Slug", "Name", "Vendor", "Website", "MaxSessionHours", "Gpus", "Features", "Pros", "Sources"],
            change.Fields.Select(f => f.Field));
        Assert.All(change.Fields, f => Assert.Null(f.OldJson));
        var session = change.Fields.Single(f => f.Field == "MaxSessionHours");
        Assert.Equal(4, Deserialize<SpecEditModel>(session.NewJson).Min);
        Assert.StartsWith("4 (source: Pricing <https://lightning.ai/pricing>)", session.NewDisplay, StringComparison.Ordinal);

        var saved = await catalog.CurrentAsync("lightning-studio");
        Assert.Equal(success.ConcurrencyStamp, saved.ConcurrencyStamp);
        Assert.Equal("tesla-t4", Assert.Single(saved.Gpus).GpuModelSlug);
        Assert.Contains((await catalog.SnapshotAsync()).Platforms, p => p.Slug == "lightning-studio");
    }

    [Fact]
    public async Task Editing_records_one_edit_entry_with_old_and_new_values()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var before = await catalog.HistoryCountAsync();
        var colab = await catalog.CurrentAsync("colab");
        var oldIdle = Json(colab.IdleTimeoutMinutes);
        colab.IdleTimeoutMinutes = new SpecEditModel { Min = 90, Max = 90, SourceUrl = "https://research.google.com/colaboratory/faq.html", SourceTitle = "Colab FAQ" };
        colab.Pros.Add("Free TPUs");

        var result = await catalog.Editor.UpdateAsync(new PlatformChangeRequest(
            colab, new ChangeEvidence { EvidenceUrl = "https://research.google.com/colaboratory/faq.html", Note = "FAQ, May 2026." }, AdminB));

        var success = Assert.IsType<EditResult.Success>(result);
        Assert.NotEqual(colab.ConcurrencyStamp, success.ConcurrencyStamp);
        Assert.Equal(before + 1, await catalog.HistoryCountAsync());
        var change = await catalog.ChangeAsync(success.ChangeId);
        Assert.Equal(ChangeKind.Edit, change.Kind);
        Assert.Equal(AdminB.UserId, change.ActorUserId);
        Assert.Equal(ManualTimeProvider.DefaultStart.UtcDateTime, change.AtUtc);
        Assert.Equal("https://research.google.com/colaboratory/faq.html", change.EvidenceUrl);
        Assert.Equal("FAQ, May 2026.", change.Note);
        Assert.Equal(["IdleTimeoutMinutes", "Pros"], change.Fields.Select(f => f.Field));
        var idle = change.Fields[0];
        Assert.Equal(oldIdle, idle.OldJson);
        Assert.Equal(90, Deserialize<SpecEditModel>(idle.NewJson).Min);
        Assert.StartsWith("30 (", idle.OldDisplay, StringComparison.Ordinal);
        Assert.StartsWith("90 (source: Colab FAQ", idle.NewDisplay, StringComparison.Ordinal);
        Assert.EndsWith("; Free TPUs", change.Fields[1].NewDisplay, StringComparison.Ordinal);

        var saved = await catalog.CurrentAsync("colab");
        Assert.Equal(90, saved.IdleTimeoutMinutes.Min);
        Assert.Equal(success.ConcurrencyStamp, saved.ConcurrencyStamp);
    }

    [Fact]
    public async Task A_saved_edit_reaches_the_public_snapshot_at_once()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var snapshot = await catalog.SnapshotAsync();
        var generation = catalog.Signal.Generation;

        await catalog.Editor.EditAsync("kaggle", k => k.IdleTimeoutMinutes = new SpecEditModel { Min = 60, Max = 60 });

        Assert.True(catalog.Signal.Generation > generation);
        var fresh = await catalog.SnapshotAsync();
        Assert.NotSame(snapshot, fresh);
        Assert.Equal(60, fresh.Platforms.Single(p => p.Slug == "kaggle")[Specs.IdleTimeoutMinutes].Min);
    }

    [Fact]
    public async Task Gpu_options_features_and_sources_can_be_added_changed_and_removed()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        await catalog.Editor.EditAsync("colab", colab =>
        {
            colab.Gpus.RemoveAll(g => g.GpuModelSlug == "tesla-k80");
            colab.Gpus.Single(g => g.GpuModelSlug == "tesla-t4").PerSession = 2;
            colab.Gpus.Add(new GpuOptionEditModel { GpuModelSlug = "quadro-m4000", PerSession = 1, Note = "Seen once." });
            colab.Features.RemoveAll(f => f.Key == "tpu");
            colab.Features.Add(new FeatureEditModel { Key = "background-execution", Available = false });
            colab.Sources = [new SourceEditModel { Url = "https://colab.research.google.com/signup", Title = "Colab plans" }];
        });

        var colab = await catalog.CurrentAsync("colab");
        Assert.Equal(["quadro-m4000", "tesla-p100", "tesla-p4", "tesla-t4"], colab.Gpus.Select(g => g.GpuModelSlug));
        Assert.Equal(2, colab.Gpus.Single(g => g.GpuModelSlug == "tesla-t4").PerSession);
        Assert.Equal(["background-execution", "cloud-storage-integration", "private-notebooks"], colab.Features.Select(f => f.Key));
        Assert.Equal("Colab plans", Assert.Single(colab.Sources).Title);
    }

    [Fact]
    public async Task Verifying_sets_only_the_last_verified_date_to_today_utc()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        // 23:30 UTC is already the next day in many time zones: the date is the UTC one.
        catalog.Clock.Set(new DateTimeOffset(2026, 6, 1, 23, 30, 0, TimeSpan.Zero));
        var kaggle = await catalog.CurrentAsync("kaggle");

        var success = Assert.IsType<EditResult.Success>(await catalog.Editor.VerifyAsync(kaggle.Id, kaggle.ConcurrencyStamp, AdminA, Checked));

        var after = await catalog.CurrentAsync("kaggle");
        Assert.Equal(new DateOnly(2026, 6, 1), after.LastVerifiedOn);
        after.LastVerifiedOn = kaggle.LastVerifiedOn;
        Assert.Equal(ValuesJson(kaggle), ValuesJson(after));
        var change = await catalog.ChangeAsync(success.ChangeId);
        Assert.Equal(ChangeKind.Verify, change.Kind);
        Assert.Equal(AdminA.UserId, change.ActorUserId);
        Assert.Equal(new DateTime(2026, 6, 1, 23, 30, 0, DateTimeKind.Utc), change.AtUtc);
        var field = Assert.Single(change.Fields);
        Assert.Equal("LastVerifiedOn", field.Field);
        Assert.Equal("not stated", field.OldDisplay);
        Assert.Equal("2026-06-01", field.NewDisplay);
        Assert.Equal("https://www.kaggle.com/docs/notebooks", change.EvidenceUrl);
        Assert.Equal("Compared the quota page.", change.Note);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    [InlineData("ftp://example.org/specs")]
    [InlineData("not a url")]
    public async Task Verifying_needs_the_http_address_of_what_was_checked_and_saves_nothing_without_it(string? url)
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var kaggle = await catalog.CurrentAsync("kaggle");
        var before = await catalog.HistoryCountAsync();

        var result = await catalog.Editor.VerifyAsync(kaggle.Id, kaggle.ConcurrencyStamp, AdminA, new ChangeEvidence { EvidenceUrl = url, Note = "Looked." });

        var failed = Assert.IsType<EditResult.ValidationFailed>(result);
        Assert.Contains("Evidence.EvidenceUrl", failed.Errors.Keys);
        Assert.Equal(before, await catalog.HistoryCountAsync());
        Assert.Null((await catalog.CurrentAsync("kaggle")).LastVerifiedOn);
    }

    [Fact]
    public async Task Retiring_as_renamed_records_the_successor_and_restoring_brings_the_platform_back()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var gradient = await catalog.CurrentAsync("gradient");

        var retired = Assert.IsType<EditResult.Success>(await catalog.Editor.RetireAsync(
            gradient.Id, gradient.ConcurrencyStamp, PlatformStatus.Renamed, "https://www.digitalocean.com/products/paperspace", AdminA,
            new ChangeEvidence { EvidenceUrl = "https://blog.paperspace.com/", Note = "Now part of DigitalOcean." }));

        var change = await catalog.ChangeAsync(retired.ChangeId);
        Assert.Equal(ChangeKind.Retire, change.Kind);
        Assert.Equal("Now part of DigitalOcean.", change.Note);
        Assert.Equal("https://blog.paperspace.com/", change.EvidenceUrl);
        Assert.Equal(["Status", "SuccessorSlug"], change.Fields.Select(f => f.Field));
        Assert.Equal(("Active", "Renamed"), (change.Fields[0].OldDisplay, change.Fields[0].NewDisplay));
        var snapshot = await catalog.SnapshotAsync();
        Assert.Equal("colab,kaggle", PlatformQuery.Default.Apply(snapshot.Platforms).Slugs());

        var restored = Assert.IsType<EditResult.Success>(
            await catalog.Editor.RestoreAsync(gradient.Id, retired.ConcurrencyStamp, AdminB, new ChangeEvidence { Note = "Free tier back." }));

        var restore = await catalog.ChangeAsync(restored.ChangeId);
        Assert.Equal(ChangeKind.Restore, restore.Kind);
        Assert.Equal(AdminB.UserId, restore.ActorUserId);
        Assert.Equal(["Status", "SuccessorSlug"], restore.Fields.Select(f => f.Field));
        var after = await catalog.CurrentAsync("gradient");
        Assert.Equal(PlatformStatus.Active, after.Status);
        Assert.Null(after.SuccessorSlug);
        Assert.Equal(ValuesJson(gradient), ValuesJson(after));
    }

    [Fact]
    public async Task Retiring_as_discontinued_needs_no_successor()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var gradient = await catalog.CurrentAsync("gradient");

        var success = Assert.IsType<EditResult.Success>(
            await catalog.Editor.RetireAsync(gradient.Id, gradient.ConcurrencyStamp, PlatformStatus.Discontinued, "ignored", AdminA));

        var change = await catalog.ChangeAsync(success.ChangeId);
        Assert.Equal(["Status"], change.Fields.Select(f => f.Field));
        Assert.Null((await catalog.CurrentAsync("gradient")).SuccessorSlug);
    }

    [Fact]
    public async Task Retiring_as_renamed_without_a_successor_is_refused()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var gradient = await catalog.CurrentAsync("gradient");
        var count = await catalog.HistoryCountAsync();

        var failed = Assert.IsType<EditResult.ValidationFailed>(
            await catalog.Editor.RetireAsync(gradient.Id, gradient.ConcurrencyStamp, PlatformStatus.Renamed, " ", AdminA));
        Assert.Equal(["SuccessorSlug"], failed.Errors.Keys);

        var notRetired = Assert.IsType<EditResult.ValidationFailed>(
            await catalog.Editor.RetireAsync(gradient.Id, gradient.ConcurrencyStamp, PlatformStatus.Changed, null, AdminA));
        Assert.Equal(["Retire a platform as Discontinued, or as Renamed with its successor."], notRetired.Errors["Status"]);
        Assert.Equal(count, await catalog.HistoryCountAsync());
    }

    [Fact]
    public async Task A_refused_save_writes_nothing_and_leaves_the_catalog_as_it_was()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var before = await catalog.CurrentAsync("colab");
        var count = await catalog.HistoryCountAsync();
        var generation = catalog.Signal.Generation;
        var form = before.Clone();
        form.Name = "Changed name";
        form.IdleTimeoutMinutes.Min = 20_000;

        var failed = Assert.IsType<EditResult.ValidationFailed>(
            await catalog.Editor.UpdateAsync(new PlatformChangeRequest(form, new ChangeEvidence { Note = "test" }, AdminA)));

        Assert.Equal(["Enter a number from 0 to 10,080 minutes."], failed.Errors["IdleTimeoutMinutes.Min"]);
        Assert.Equal(count, await catalog.HistoryCountAsync());
        Assert.Equal(generation, catalog.Signal.Generation);
        var after = await catalog.CurrentAsync("colab");
        Assert.Equal(Json(before), Json(after));
    }

    [Fact]
    public async Task A_spec_change_without_evidence_is_refused()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var form = await catalog.CurrentAsync("colab");
        var count = await catalog.HistoryCountAsync();
        form.IdleTimeoutMinutes.Min = form.IdleTimeoutMinutes.Max = 45;

        var failed = Assert.IsType<EditResult.ValidationFailed>(
            await catalog.Editor.UpdateAsync(new PlatformChangeRequest(form, new ChangeEvidence { EvidenceUrl = " ", Note = "" }, AdminA)));

        Assert.Equal(["Evidence.EvidenceUrl"], failed.Errors.Keys);
        Assert.Equal(count, await catalog.HistoryCountAsync());
        Assert.Equal(30, (await catalog.CurrentAsync("colab")).IdleTimeoutMinutes.Min);
    }

    [Fact]
    public async Task A_duplicate_slug_is_refused_on_create_and_on_edit()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var count = await catalog.HistoryCountAsync();
        var model = NewPlatform();
        model.Slug = "kaggle";

        var created = Assert.IsType<EditResult.ValidationFailed>(
            await catalog.Editor.CreateAsync(new PlatformChangeRequest(model, new ChangeEvidence { Note = "n" }, AdminA)));
        Assert.Equal(["The slug “kaggle” is already in use."], created.Errors["Slug"]);

        var colab = await catalog.CurrentAsync("colab");
        colab.Slug = "kaggle";
        var edited = Assert.IsType<EditResult.ValidationFailed>(
            await catalog.Editor.UpdateAsync(new PlatformChangeRequest(colab, ChangeEvidence.None, AdminA)));
        Assert.Equal(["The slug “kaggle” is already in use."], edited.Errors["Slug"]);
        Assert.Equal(count, await catalog.HistoryCountAsync());
    }

    [Fact]
    public async Task Saving_an_unchanged_form_writes_nothing()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var form = await catalog.CurrentAsync("colab");
        var count = await catalog.HistoryCountAsync();
        form.Name = $"  {form.Name} "; // trimmed away

        var result = await catalog.Editor.UpdateAsync(new PlatformChangeRequest(form, ChangeEvidence.None, AdminA));

        var unchanged = Assert.IsType<EditResult.NoChanges>(result);
        Assert.Equal(form.ConcurrencyStamp, unchanged.ConcurrencyStamp);
        Assert.Equal(count, await catalog.HistoryCountAsync());
    }

    [Fact]
    public async Task Unknown_platforms_are_not_found()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var ghost = NewPlatform();
        ghost.Id = 9999;

        Assert.IsType<EditResult.NotFound>(await catalog.Editor.UpdateAsync(new PlatformChangeRequest(ghost, ChangeEvidence.None, AdminA)));
        Assert.IsType<EditResult.NotFound>(await catalog.Editor.VerifyAsync(9999, Guid.NewGuid(), AdminA, Checked));
        Assert.IsType<EditResult.NotFound>(await catalog.Editor.RevertAsync(9999, AdminA, confirmFieldsChangedSince: true));
        Assert.Null(await catalog.Editor.GetForEditAsync("ghost"));
    }

    [Fact]
    public async Task Every_seeded_platform_passes_validation_as_it_is()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        foreach (var slug in new[] { "colab", "gradient", "kaggle" })
        {
            var model = await catalog.CurrentAsync(slug);
            var context = await catalog.Editor.GetValidationContextAsync(model.Id);
            Assert.Empty(PlatformEditValidator.Validate(model, ChangeEvidence.None, context, PortalLocalizer.Shared));
        }
    }
}
