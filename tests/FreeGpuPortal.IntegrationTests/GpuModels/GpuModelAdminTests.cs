using System.Net;
using System.Text.Json;

using FreeGpuPortal.Web.Accounts;
using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Catalog.Transfer;

using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.IntegrationTests.GpuModels;

/// <summary>
/// The GPU models of the admin area on the real app and its database: adding, editing and deleting through the editor
/// the pages use, each audited in the model's history (and in the offering platforms'), the rules at the fields, the
/// authority the pages ask before acting, and the pages themselves over HTTP.
/// </summary>
public sealed class GpuModelAdminTests(ObservedPortal portal) : IClassFixture<ObservedPortal>
{
    private static readonly Actor Admin = new("admin-gpu", "gpu-admin@example.org");

    private GpuModelEditor Editor
    {
        get
        {
            _ = portal.Server; // started: migrated and seeded
            return portal.Services.GetRequiredService<GpuModelEditor>();
        }
    }

    private CatalogHistory History => portal.Services.GetRequiredService<CatalogHistory>();

    private static GpuModelEditModel NewModel(string slug, string name = "Test Accelerator X1") => new()
    {
        Slug = slug,
        Name = name,
        Vendor = "Example Vendor",
        Architecture = "Example Arch",
        MemoryGb = 24,
        MemoryType = "GDDR6",
        Note = "Invented for a test.",
        NoteZh = "测试用的虚构型号。",
        SourceUrl = "https://gpu.example/x1",
        SourceTitle = "Example datasheet",
        SourceTitleZh = "示例数据表",
        SourceAsOf = new DateOnly(2026, 1, 15),
    };

    private static ChangeEvidence Evidence => new() { EvidenceUrl = "https://gpu.example/x1", Note = "Read the datasheet." };

    private async Task<IReadOnlyList<HistoryEntry>> ModelHistoryAsync(string slug) =>
        (await History.ForGpuModelPageAsync(slug, page: 1, pageSize: CatalogHistory.MaxPageSize)).Entries;

    [Fact]
    public async Task Adding_a_model_saves_every_field_with_a_create_entry_in_its_history_and_the_api()
    {
        var saved = Assert.IsType<GpuModelEditResult.Saved>(
            await Editor.CreateAsync(new GpuModelChangeRequest(NewModel(" test-x1-create "), Evidence, Admin)));

        Assert.Equal("test-x1-create", saved.Slug);
        var model = (await Editor.GetForEditAsync("test-x1-create"))!;
        Assert.Equal(("Test Accelerator X1", 24d, new DateOnly(2026, 1, 15)), (model.Name, model.MemoryGb!.Value, model.SourceAsOf!.Value));
        Assert.Equal("示例数据表", model.SourceTitleZh);

        var entry = Assert.Single(await ModelHistoryAsync("test-x1-create"));
        Assert.Equal((saved.ChangeId, ChangeKind.Create, Admin.UserId, Admin.DisplayName), (entry.Id, entry.Kind, entry.ActorUserId, entry.ActorDisplayName));
        Assert.Equal(DateTimeKind.Utc, entry.AtUtc.Kind);
        Assert.Equal(("https://gpu.example/x1", "Read the datasheet."), (entry.EvidenceUrl, entry.Note));
        Assert.Null(entry.PlatformId);
        Assert.Equal("test-x1-create", entry.GpuModelSlug);
        Assert.Contains(entry.Fields, f => f.Field == "GpuModel:test-x1-create.Name" && f.OldJson is null && f.NewValue == "Test Accelerator X1");
        Assert.Contains(entry.Fields, f => f.Field == "GpuModel:test-x1-create.SourceAsOf" && f.NewValue == "2026-01-15");
        Assert.Equal(11, entry.Fields.Count); // every value given; the slug names the fields

        // The admin-wide history shows it once, named as the model.
        var global = await History.SearchAsync(new HistoryFilter(PageSize: CatalogHistory.MaxPageSize));
        Assert.Single(global.Entries, e => e.Id == saved.ChangeId);

        // The public API describes it, its source's as-of date included.
        using var models = JsonDocument.Parse(await portal.NewClient().GetStringAsync("/api/v1/gpu-models"));
        var x1 = models.RootElement.GetProperty("gpuModels").EnumerateArray().Single(m => m.GetProperty("slug").GetString() == "test-x1-create");
        Assert.Equal("2026-01-15", x1.GetProperty("asOf").GetString());
        Assert.Empty(x1.GetProperty("platforms").EnumerateArray());
    }

    [Fact]
    public async Task Editing_a_model_platforms_offer_writes_its_history_and_each_offering_platforms()
    {
        var t4 = (await Editor.GetForEditAsync("tesla-t4"))!;
        var offering = (await Editor.ListAsync()).Single(r => r.Slug == "tesla-t4").Platforms;
        Assert.NotEmpty(offering);
        var colabBefore = (await History.ForPlatformPageAsync("colab", true, 1, CatalogHistory.MaxPageSize)).TotalCount;
        t4.SourceAsOf = new DateOnly(2026, 3, 1);
        t4.Note = "  Edited in a test.  ";

        var saved = Assert.IsType<GpuModelEditResult.Saved>(await Editor.UpdateAsync(new GpuModelChangeRequest(t4, Evidence, Admin)));

        var entry = (await ModelHistoryAsync("tesla-t4"))[0];
        Assert.Equal((saved.ChangeId, ChangeKind.Edit), (entry.Id, entry.Kind));
        Assert.Equal(["GpuModel:tesla-t4.Note", "GpuModel:tesla-t4.SourceAsOf"], entry.Fields.Select(f => f.Field));
        Assert.Equal("Edited in a test.", JsonSerializer.Deserialize<string>(entry.Fields[0].NewJson!));
        Assert.Equal(("not stated", "2026-03-01"), (entry.Fields[1].OldValue, entry.Fields[1].NewValue));

        // Each platform offering it shows the change in its own history, as an import's change shows.
        foreach (var platform in offering)
        {
            var platformEntry = (await History.ForPlatformPageAsync(platform.Slug, true, 1, 5)).Entries[0];
            Assert.Equal(("tesla-t4", ChangeKind.Edit, Admin.UserId), (platformEntry.GpuModelSlug, platformEntry.Kind, platformEntry.ActorUserId));
            Assert.Equal(entry.Fields.Select(f => (f.Field, f.NewJson)), platformEntry.Fields.Select(f => (f.Field, f.NewJson)));
        }

        Assert.Equal(colabBefore + (offering.Any(p => p.Slug == "colab") ? 1 : 0), (await History.ForPlatformPageAsync("colab", true, 1, 5)).TotalCount);

        // The admin-wide history lists the change once; filtered by a platform, as that platform's entry.
        var global = await History.SearchAsync(new HistoryFilter(PageSize: CatalogHistory.MaxPageSize));
        Assert.Single(global.Entries, e => e.GpuModelSlug == "tesla-t4" && e.AtUtc == entry.AtUtc);
        var filtered = await History.SearchAsync(new HistoryFilter(PlatformSlug: offering[0].Slug));
        Assert.Equal(offering[0].Slug, filtered.Entries[0].PlatformSlug);

        // A platform's copy is not reverted on its own: the model is shared.
        var copy = (await History.ForPlatformPageAsync(offering[0].Slug, true, 1, 1)).Entries[0];
        var revert = await portal.Services.GetRequiredService<CatalogEditor>().RevertAsync(copy.Id, Admin, confirmFieldsChangedSince: true);
        Assert.IsType<EditResult.ValidationFailed>(revert);
    }

    [Fact]
    public async Task A_save_that_changes_nothing_says_so_and_writes_no_entry()
    {
        var p4 = (await Editor.GetForEditAsync("tesla-p4"))!;
        var before = (await ModelHistoryAsync("tesla-p4")).Count;
        var globalBefore = (await History.SearchAsync(new HistoryFilter())).TotalCount;
        p4.Name = " " + p4.Name + " "; // trimmed, it is the saved name

        // No evidence is asked for a save that changes nothing.
        Assert.IsType<GpuModelEditResult.NoChanges>(await Editor.UpdateAsync(new GpuModelChangeRequest(p4, new ChangeEvidence(), Admin)));

        Assert.Equal(before, (await ModelHistoryAsync("tesla-p4")).Count);
        Assert.Equal(globalBefore, (await History.SearchAsync(new HistoryFilter())).TotalCount);
    }

    [Fact]
    public async Task A_model_platforms_offer_is_not_deleted_and_the_refusal_names_them()
    {
        var k80 = (await Editor.ListAsync()).Single(r => r.Slug == "tesla-k80");
        Assert.NotEmpty(k80.Platforms);

        var refused = Assert.IsType<GpuModelEditResult.InUse>(await Editor.DeleteAsync(k80.Id, k80.ConcurrencyStamp, Admin, Evidence));

        Assert.Equal(k80.Platforms.Select(p => p.Name).Order(StringComparer.OrdinalIgnoreCase), refused.PlatformNames);
        Assert.NotNull(await Editor.GetForEditAsync("tesla-k80"));
        Assert.DoesNotContain(await ModelHistoryAsync("tesla-k80"), e => e.Kind == ChangeKind.Delete);
    }

    [Fact]
    public async Task An_unused_model_is_deleted_with_an_entry_that_keeps_its_values_and_leaves_the_platform_form()
    {
        Assert.IsType<GpuModelEditResult.Saved>(await Editor.CreateAsync(new GpuModelChangeRequest(NewModel("test-x1-delete"), Evidence, Admin)));
        var row = (await Editor.ListAsync()).Single(r => r.Slug == "test-x1-delete");
        Assert.Empty(row.Platforms);

        // Evidence is needed: a delete without any is refused at the evidence field.
        var unexplained = Assert.IsType<GpuModelEditResult.ValidationFailed>(await Editor.DeleteAsync(row.Id, row.ConcurrencyStamp, Admin, new ChangeEvidence()));
        Assert.Equal("Give an evidence URL or a note on how the values were verified.", unexplained.Errors["Evidence.EvidenceUrl"][0]);

        var deleted = Assert.IsType<GpuModelEditResult.Saved>(
            await Editor.DeleteAsync(row.Id, row.ConcurrencyStamp, Admin, new ChangeEvidence { Note = "Added by mistake." }));

        Assert.Null(await Editor.GetForEditAsync("test-x1-delete"));
        var history = await ModelHistoryAsync("test-x1-delete");
        Assert.Equal([ChangeKind.Delete, ChangeKind.Create], history.Select(e => e.Kind));
        var entry = history[0];
        Assert.Equal((deleted.ChangeId, "Added by mistake.", Admin.UserId), (entry.Id, entry.Note, entry.ActorUserId));
        Assert.Null(entry.GpuModelName); // gone, so its slug names it
        Assert.Contains(entry.Fields, f => f.Field == "GpuModel:test-x1-delete.MemoryGb" && f.OldValue == "24" && f.NewJson is null);
        var global = await History.SearchAsync(new HistoryFilter(PageSize: CatalogHistory.MaxPageSize));
        Assert.Contains(global.Entries, e => e.Id == deleted.ChangeId && e.GpuModelSlug == "test-x1-delete");
    }

    [Fact]
    public async Task A_slug_in_use_and_bad_values_are_refused_at_their_fields_and_nothing_is_saved()
    {
        var globalBefore = (await History.SearchAsync(new HistoryFilter())).TotalCount;
        var bad = NewModel("tesla-t4", name: " ");
        bad.MemoryGb = -1;
        bad.SourceUrl = "not a web address";
        bad.SourceAsOf = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);

        var refused = Assert.IsType<GpuModelEditResult.ValidationFailed>(
            await Editor.CreateAsync(new GpuModelChangeRequest(bad, new ChangeEvidence(), Admin)));

        Assert.Equal("The slug “tesla-t4” is already in use.", refused.Errors["Slug"][0]);
        Assert.Equal("Enter a name.", refused.Errors["Name"][0]);
        Assert.Contains("1,024", refused.Errors["MemoryGb"][0], StringComparison.Ordinal);
        Assert.Equal("Enter a full web address starting with http:// or https://.", refused.Errors["SourceUrl"][0]);
        Assert.Equal("Enter a date no later than today.", refused.Errors["SourceAsOf"][0]);
        Assert.Equal("Give an evidence URL or a note on how the values were verified.", refused.Errors["Evidence.EvidenceUrl"][0]);
        Assert.Equal(globalBefore, (await History.SearchAsync(new HistoryFilter())).TotalCount);

        // A slug of the wrong shape, and an edit that tries to change the slug, are refused too.
        var shape = Assert.IsType<GpuModelEditResult.ValidationFailed>(
            await Editor.CreateAsync(new GpuModelChangeRequest(NewModel("Tesla T4!"), Evidence, Admin)));
        Assert.True(shape.Errors.ContainsKey("Slug"));
        var p100 = (await Editor.GetForEditAsync("tesla-p100"))!;
        p100.Slug = "tesla-p100-renamed";
        var renamed = Assert.IsType<GpuModelEditResult.ValidationFailed>(await Editor.UpdateAsync(new GpuModelChangeRequest(p100, Evidence, Admin)));
        Assert.Equal("The slug cannot change once saved; it stays “tesla-p100”.", renamed.Errors["Slug"][0]);
    }

    [Fact]
    public async Task A_chinese_request_gets_the_messages_in_chinese()
    {
        var editor = Editor;
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        GpuModelEditResult result;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
            result = await editor.CreateAsync(new GpuModelChangeRequest(NewModel("tesla-t4"), new ChangeEvidence(), Admin));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }

        var refused = Assert.IsType<GpuModelEditResult.ValidationFailed>(result);

        Assert.Equal("短名“tesla-t4”已被使用。", refused.Errors["Slug"][0]);
        Assert.Equal("请提供依据 URL 或说明如何核实这些值的备注。", refused.Errors["Evidence.EvidenceUrl"][0]);
    }

    [Fact]
    public async Task Two_admins_editing_the_same_model_do_not_overwrite_each_other_silently()
    {
        var first = (await Editor.GetForEditAsync("quadro-m4000"))!;
        var second = first.Clone();
        first.MemoryType = "GDDR5 (first admin)";
        second.MemoryType = "GDDR5 (second admin)";
        Assert.IsType<GpuModelEditResult.Saved>(await Editor.UpdateAsync(new GpuModelChangeRequest(first, Evidence, Admin)));

        var conflict = Assert.IsType<GpuModelEditResult.ConcurrencyConflict>(await Editor.UpdateAsync(new GpuModelChangeRequest(second, Evidence, Admin)));

        Assert.Equal("GDDR5 (first admin)", conflict.Current.MemoryType);
        Assert.Equal("GDDR5 (first admin)", (await Editor.GetForEditAsync("quadro-m4000"))!.MemoryType);

        // Saving again at the stamp the conflict showed applies the second admin's input knowingly.
        second.ConcurrencyStamp = conflict.Current.ConcurrencyStamp;
        Assert.IsType<GpuModelEditResult.Saved>(await Editor.UpdateAsync(new GpuModelChangeRequest(second, Evidence, Admin)));
        Assert.Equal("GDDR5 (second admin)", (await Editor.GetForEditAsync("quadro-m4000"))!.MemoryType);
    }

    [Fact]
    public async Task A_catalog_file_carries_the_as_of_date_and_its_import_writes_the_models_own_history()
    {
        var transfer = portal.Services.GetRequiredService<CatalogTransfer>();
        _ = Editor;
        var file = await transfer.ExportAsync();
        var json = CatalogTransfer.Serialize(file with
        {
            GpuModels = [.. file.GpuModels.Select(g => g.Slug == "tesla-p100" ? g with { SourceAsOf = new DateOnly(2025, 12, 1) } : g)],
        });
        Assert.Contains("\"sourceAsOf\": \"2025-12-01\"", json, StringComparison.Ordinal);
        var stampBefore = (await Editor.GetForEditAsync("tesla-p100"))!.ConcurrencyStamp;

        var applied = await transfer.ApplyAsync(json, Admin, new ChangeEvidence { Note = "Dated the P100 source." });

        Assert.True(applied.Succeeded, string.Join(" ", applied.Preview.Problems));
        var model = (await Editor.GetForEditAsync("tesla-p100"))!;
        Assert.Equal(new DateOnly(2025, 12, 1), model.SourceAsOf);
        Assert.NotEqual(stampBefore, model.ConcurrencyStamp); // an open form now meets a conflict, not a silent overwrite
        var entry = (await ModelHistoryAsync("tesla-p100"))[0];
        Assert.Equal(["GpuModel:tesla-p100.SourceAsOf"], entry.Fields.Select(f => f.Field));
        Assert.StartsWith("Imported from a catalog file", entry.Note, StringComparison.Ordinal);
        Assert.Contains("\"sourceAsOf\": \"2025-12-01\"", CatalogTransfer.Serialize(await transfer.ExportAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pages_authority_check_refuses_a_browser_that_is_not_a_signed_in_admin()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var authority = scope.ServiceProvider.GetRequiredService<AdminAuthority>();
        var admin = await portal.CreateAdminAsync("gpu-pages-admin@example.org");
        var adminClient = await portal.SignedInClientAsync("gpu-pages-admin@example.org");

        // The ticket a signed-in admin's browser fetches is accepted for the page's account, and becomes the actor.
        var ticket = await adminClient.GetStringAsync(AdminAuthority.TicketPath);
        var allowed = Assert.IsType<AdminAuthorityResult.Allowed>(await authority.CheckTicketAsync(ticket, admin.Id));
        Assert.Equal(admin.Id, allowed.Actor.UserId);

        // A browser signed out (no ticket) is refused, so the page saves nothing and keeps the input.
        var refused = Assert.IsType<AdminAuthorityResult.Refused>(await authority.CheckTicketAsync(null, admin.Id));
        Assert.Equal(AdminRefusal.NotSignedIn, refused.Reason);

        // An account that is no admin gets no ticket at all.
        await portal.CreateUserAsync("gpu-pages-reader@example.org");
        var reader = await portal.SignedInClientAsync("gpu-pages-reader@example.org");
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync(AdminAuthority.TicketPath)).StatusCode);
    }

    [Theory]
    [InlineData("/admin/gpu-models")]
    [InlineData("/admin/gpu-models/new")]
    [InlineData("/admin/gpu-models/tesla-t4/edit")]
    [InlineData("/zh-CN/admin/gpu-models/tesla-t4/edit")]
    public async Task The_pages_are_for_admins_only(string url)
    {
        var anonymous = await portal.NewClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/Account/Login", anonymous.Headers.Location?.OriginalString, StringComparison.Ordinal);

        await portal.CreateUserAsync("gpu-reader-" + url.Length + "@example.org");
        var reader = await portal.SignedInClientAsync("gpu-reader-" + url.Length + "@example.org");
        var forbidden = await reader.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task An_admin_gets_the_list_and_the_form_prerendered_in_english_and_chinese()
    {
        await portal.CreateAdminAsync("gpu-lists@example.org");
        var client = await portal.SignedInClientAsync("gpu-lists@example.org");

        var list = await client.GetStringAsync("/admin/gpu-models");
        Assert.Contains("<title>GPU models", list, StringComparison.Ordinal);
        Assert.Contains("data-gpu-model=\"tesla-t4\"", list, StringComparison.Ordinal);
        Assert.Contains("href=\"admin/gpu-models\"", await client.GetStringAsync("/admin"), StringComparison.Ordinal);

        var edit = await client.GetStringAsync("/admin/gpu-models/tesla-t4/edit");
        Assert.Contains("<title>Edit GPU model Tesla T4", edit, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"gpu-model-form\"", edit, StringComparison.Ordinal);
        Assert.Contains("id=\"f-SourceAsOf\"", edit, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"gpu-model-history\"", edit, StringComparison.Ordinal);

        var chinese = await client.GetStringAsync("/zh-CN/admin/gpu-models");
        Assert.Contains("<html lang=\"zh-CN\"", chinese, StringComparison.Ordinal);
        Assert.Contains("使用的平台", chinese, StringComparison.Ordinal);
        Assert.Contains("编辑 GPU 型号 Tesla T4", await client.GetStringAsync("/zh-CN/admin/gpu-models/tesla-t4/edit"), StringComparison.Ordinal);
    }
}
