using Bunit;

using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Components.Pages.Admin;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.Tests.Admin;

/// <summary>The GPU model form and list over the seeded catalog: the proposed slug, messages at the fields, saving, refusals.</summary>
public sealed class GpuModelFormTests : AdminComponentTest
{
    private static readonly Actor OtherAdmin = new("admin-user-2", "other@example.org");

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<GpuModelEditPage> RenderNew()
    {
        var page = Render<GpuModelEditPage>();
        page.WaitForElement("[data-testid=gpu-model-form]", Wait);
        return page;
    }

    private IRenderedComponent<GpuModelEditPage> RenderEdit(string slug)
    {
        var page = Render<GpuModelEditPage>(parameters => parameters.Add(p => p.Slug, slug));
        page.WaitForElement("[data-testid=gpu-model-form]", Wait);
        return page;
    }

    private static string ValueOf<T>(IRenderedComponent<T> page, string inputId)
        where T : IComponent => page.Find($"#{inputId}").GetAttribute("value") ?? "";

    private static string FieldError<T>(IRenderedComponent<T> page, string path)
        where T : IComponent => page.Find($"[data-field-error='{path}']").TextContent.Trim();

    private Task<IReadOnlyList<HistoryEntry>> ModelHistoryAsync(string slug) =>
        Catalog.History.ForGpuModelPageAsync(slug, 1, CatalogHistory.MaxPageSize).ContinueWith(t => t.Result.Entries);

    [Fact]
    public async Task The_slug_follows_the_name_until_the_admin_types_one_and_the_model_is_added_with_its_history()
    {
        var page = RenderNew();
        Assert.Equal("New GPU model", page.Find("h1").TextContent.Trim());

        Enter(page, "f-Name", "Test GPU Z9");
        page.WaitForAssertion(() => Assert.Equal("test-gpu-z9", ValueOf(page, "f-Slug")), Wait);
        Enter(page, "f-Name", "Test GPU Z9 Max");
        page.WaitForAssertion(() => Assert.Equal("test-gpu-z9-max", ValueOf(page, "f-Slug")), Wait);
        Enter(page, "f-Slug", "z9-max");
        Enter(page, "f-Name", "Test GPU Z9 Max (PCIe)");
        page.WaitForAssertion(() => Assert.Equal("z9-max", ValueOf(page, "f-Slug")), Wait); // the admin's slug stays
        Enter(page, "f-MemoryGb", "48");
        Enter(page, "f-SourceAsOf", "2026-02-03");
        Enter(page, "f-Evidence-Note", "Invented for a test.");

        page.Find("[data-testid=save]").Click();

        page.WaitForAssertion(() => Assert.Contains("/admin/gpu-models/z9-max/edit?saved=", Navigation.Uri), Wait);
        var entry = Assert.Single(await ModelHistoryAsync("z9-max"));
        Assert.Equal((ChangeKind.Create, AdminUserId, "Invented for a test."), (entry.Kind, entry.ActorUserId, entry.Note));
        var saved = (await Catalog.GpuModelEditor.GetForEditAsync("z9-max"))!;
        Assert.Equal(("Test GPU Z9 Max (PCIe)", 48d, new DateOnly(2026, 2, 3)), (saved.Name, saved.MemoryGb!.Value, saved.SourceAsOf!.Value));
    }

    [Fact]
    public void Bad_values_show_their_messages_at_the_fields_and_every_input_keeps_its_value()
    {
        var page = RenderNew();
        Enter(page, "f-Name", "Tesla T4");
        Enter(page, "f-SourceUrl", "nvidia.com/t4");
        Enter(page, "f-MemoryGb", "5000");

        page.Find("[data-testid=save]").Click();

        page.WaitForElement("[data-testid=form-errors]", Wait);
        Assert.Equal("The slug “tesla-t4” is already in use.", FieldError(page, "Slug"));
        Assert.Equal("Enter a full web address starting with http:// or https://.", FieldError(page, "SourceUrl"));
        Assert.Contains("1,024", FieldError(page, "MemoryGb"), StringComparison.Ordinal);
        Assert.Equal("Give an evidence URL or a note on how the values were verified.", FieldError(page, "Evidence.EvidenceUrl"));
        Assert.Equal("Tesla T4", ValueOf(page, "f-Name"));
        Assert.Equal("nvidia.com/t4", ValueOf(page, "f-SourceUrl"));
        Assert.Equal("5000", ValueOf(page, "f-MemoryGb"));
    }

    [Fact]
    public async Task Saving_an_unchanged_model_says_nothing_changed_and_writes_no_entry()
    {
        var before = (await ModelHistoryAsync("tesla-t4")).Count;
        var page = RenderEdit("tesla-t4");
        Assert.Equal("Edit GPU model Tesla T4", page.Find("h1").TextContent.Trim());
        Assert.NotNull(page.Find("#f-Slug").GetAttribute("disabled")); // fixed once saved

        page.Find("[data-testid=save]").Click();

        page.WaitForAssertion(() => Assert.Contains("Nothing changed", page.Find("[data-testid=form-message]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal(before, (await ModelHistoryAsync("tesla-t4")).Count);
    }

    [Fact]
    public async Task A_save_after_the_sign_in_ended_is_refused_keeps_every_input_and_saves_nothing()
    {
        var page = RenderEdit("tesla-p4");
        Enter(page, "f-MemoryType", "GDDR5 (edited)");
        Enter(page, "f-Evidence-EvidenceUrl", "https://gpu.example/p4");
        var before = (await ModelHistoryAsync("tesla-p4")).Count;
        BrowserSignIn(null);

        page.Find("[data-testid=save]").Click();

        var refused = page.WaitForElement("[data-testid=admin-refused]", Wait);
        Assert.Equal("NotSignedIn", refused.GetAttribute("data-reason"));
        Assert.Equal("GDDR5 (edited)", ValueOf(page, "f-MemoryType"));
        Assert.Equal("https://gpu.example/p4", ValueOf(page, "f-Evidence-EvidenceUrl"));
        Assert.Equal(before, (await ModelHistoryAsync("tesla-p4")).Count);

        BrowserSignIn(SignedIn);
        page.Find("[data-testid=save]").Click();
        page.WaitForAssertion(() => Assert.Contains("/admin/gpu-models/tesla-p4/edit?saved=", Navigation.Uri), Wait);
        Assert.Equal("GDDR5 (edited)", (await Catalog.GpuModelEditor.GetForEditAsync("tesla-p4"))!.MemoryType);
    }

    [Fact]
    public async Task Another_admins_save_meanwhile_is_shown_and_the_input_is_kept_until_saved_again()
    {
        var page = RenderEdit("tesla-k80");
        Enter(page, "f-Architecture", "Kepler (mine)");
        Enter(page, "f-Evidence-Note", "Checked the datasheet.");
        var theirs = (await Catalog.GpuModelEditor.GetForEditAsync("tesla-k80"))!;
        theirs.Architecture = "Kepler (theirs)";
        Assert.IsType<GpuModelEditResult.Saved>(await Catalog.GpuModelEditor.UpdateAsync(
            new GpuModelChangeRequest(theirs, new ChangeEvidence { Note = "Their check." }, OtherAdmin)));

        page.Find("[data-testid=save]").Click();

        var conflict = page.WaitForElement("[data-testid=conflict]", Wait);
        Assert.Contains("Kepler (theirs)", conflict.TextContent, StringComparison.Ordinal);
        Assert.Equal("Kepler (mine)", ValueOf(page, "f-Architecture"));
        Assert.Equal("Kepler (theirs)", (await Catalog.GpuModelEditor.GetForEditAsync("tesla-k80"))!.Architecture);

        page.Find("[data-testid=save]").Click();
        page.WaitForAssertion(() => Assert.Contains("/admin/gpu-models/tesla-k80/edit?saved=", Navigation.Uri), Wait);
        Assert.Equal("Kepler (mine)", (await Catalog.GpuModelEditor.GetForEditAsync("tesla-k80"))!.Architecture);
    }

    [Fact]
    public async Task The_list_names_the_platforms_using_each_model_and_refuses_to_delete_a_used_one()
    {
        var page = Render<GpuModelsPage>();
        page.WaitForElement("[data-testid=gpu-models]", Wait);
        var t4 = page.Find("[data-gpu-model=tesla-t4]");
        var usedBy = (await Catalog.GpuModelEditor.ListAsync()).Single(r => r.Slug == "tesla-t4").Platforms;
        Assert.Contains($"{usedBy.Count} platform{(usedBy.Count == 1 ? "" : "s")}", t4.QuerySelector("[data-testid=gpu-model-platforms]")!.TextContent, StringComparison.Ordinal);

        t4.QuerySelector("[data-testid=delete]")!.Click();
        Enter(page, "f-Evidence-Note", "Trying to delete.");
        page.Find("[data-testid=confirm-delete]").Click();

        page.WaitForAssertion(() => Assert.Contains("cannot be deleted", page.Find("[data-testid=admin-message]").TextContent, StringComparison.Ordinal), Wait);
        var message = page.Find("[data-testid=admin-message]").TextContent;
        Assert.All(usedBy, p => Assert.Contains(p.Name, message, StringComparison.Ordinal));
        Assert.NotNull(await Catalog.GpuModelEditor.GetForEditAsync("tesla-t4"));
    }
}

public sealed class GpuModelSlugTests
{
    [Theory]
    [InlineData("Tesla T4", "tesla-t4")]
    [InlineData("  Tesla P100 (PCIe)  ", "tesla-p100-pcie")]
    [InlineData("GeForce RTX™ 4090", "geforce-rtx-4090")]
    [InlineData("Radeon Pro W7900 — 48 GB", "radeon-pro-w7900-48-gb")]
    [InlineData("Écran", "ecran")]
    [InlineData("昇腾 910B", "910b")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void A_name_proposes_a_slug_of_lowercase_letters_digits_and_hyphens(string? name, string slug) =>
        Assert.Equal(slug, GpuModelEditor.ProposeSlug(name));

    [Fact]
    public void A_long_name_proposes_a_slug_within_the_limit_without_a_trailing_hyphen()
    {
        var slug = GpuModelEditor.ProposeSlug(string.Join(" ", Enumerable.Repeat("abcdefg", 20)));
        Assert.True(slug.Length <= 64);
        Assert.False(slug.EndsWith('-'));
        Assert.True(PlatformEditValidator.IsSlug(slug));
    }

    [Theory]
    [InlineData("", "Tesla", "Tesla T4", "tesla-t4")]
    [InlineData("tesla", "Tesla", "Tesla T4", "tesla-t4")]
    [InlineData("my-own", "Tesla", "Tesla T4", "my-own")]
    public void The_slug_follows_the_name_only_while_it_is_the_proposal(string slug, string oldName, string newName, string expected) =>
        Assert.Equal(expected, GpuModelEditor.FollowName(slug, oldName, newName));
}
