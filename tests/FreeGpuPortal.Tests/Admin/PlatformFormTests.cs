using Bunit;

using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Components.Pages.Admin;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.Tests.Admin;

/// <summary>The platform edit form over the seeded catalog: field messages, evidence, saving, and a concurrent save.</summary>
public sealed class PlatformFormTests : AdminComponentTest
{
    private const string IdleMin = "f-IdleTimeoutMinutes-Min";
    private const string IdleMax = "f-IdleTimeoutMinutes-Max";
    private const string EvidenceUrl = "f-Evidence-EvidenceUrl";

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<PlatformEditPage> RenderEdit(string slug)
    {
        var page = Render<PlatformEditPage>(parameters => parameters.Add(p => p.Slug, slug));
        page.WaitForElement("[data-testid=platform-form]", Wait);
        return page;
    }

    private static string ValueOf(IRenderedComponent<PlatformEditPage> page, string inputId) =>
        page.Find($"#{inputId}").GetAttribute("value") ?? "";

    private static string FieldError(IRenderedComponent<PlatformEditPage> page, string path) =>
        page.Find($"[data-field-error='{path}']").TextContent.Trim();

    [Fact]
    public void A_new_platforms_slug_is_proposed_from_its_name_as_it_is_typed_until_the_admin_edits_it()
    {
        var page = Render<PlatformEditPage>();
        page.WaitForElement("[data-testid=platform-form]", Wait);

        page.Find("#f-Name").Input("Kaggle");
        page.WaitForAssertion(() => Assert.Equal("kaggle", ValueOf(page, "f-Slug")), Wait);
        Assert.Equal("The slug “kaggle” is already in use.", FieldError(page, "Slug")); // checked before any save

        page.Find("#f-Name").Input("Kaggle Café Studio");
        page.WaitForAssertion(() => Assert.Equal("kaggle-cafe-studio", ValueOf(page, "f-Slug")), Wait);
        Assert.Empty(page.FindAll("[data-field-error='Slug']"));

        Enter(page, "f-Slug", "cafe-studio");
        page.Find("#f-Name").Input("Kaggle Café Studio Cloud");
        page.WaitForAssertion(() => Assert.Equal("Kaggle Café Studio Cloud", ValueOf(page, "f-Name")), Wait);
        Assert.Equal("cafe-studio", ValueOf(page, "f-Slug")); // edited by hand: never overwritten
    }

    [Fact]
    public void An_existing_platforms_slug_does_not_follow_its_name()
    {
        var page = RenderEdit("colab");

        Enter(page, "f-Name", "Colab Pro Free");

        Assert.Equal("colab", ValueOf(page, "f-Slug"));
    }

    [Fact]
    public void The_form_opens_with_every_saved_value_and_an_interactive_marker()
    {
        var page = RenderEdit("colab");

        Assert.Equal("true", page.Find("[data-interactive]").GetAttribute("data-interactive"));
        Assert.Equal("Google Colab", ValueOf(page, "f-Name"));
        Assert.Equal("colab", ValueOf(page, "f-Slug"));
        Assert.Equal("30", ValueOf(page, IdleMin));
        Assert.Equal("30", ValueOf(page, IdleMax));
        Assert.Equal("Idle timeout (min) – minimum", page.Find($"label[for={IdleMin}]").TextContent.Trim());
        Assert.Equal("Evidence URL", page.Find($"label[for={EvidenceUrl}]").TextContent.Trim());
        Assert.Equal(4, page.FindAll("[data-gpu-row]").Count); // K80, T4, P4, P100
        Assert.NotEmpty(page.FindAll("[data-feature]"));
        Assert.Empty(page.FindAll("[data-field-error]")); // a saved platform is valid
    }

    [Fact]
    public void A_bad_value_shows_its_message_under_the_field_and_every_other_input_keeps_its_value()
    {
        var page = RenderEdit("colab");
        Enter(page, "f-Name", "Google Colab (edited)");
        Enter(page, "f-MaxSessionHours-Max", "10");

        Enter(page, IdleMin, "20000");

        // The message renders once the numeric field has passed the value on, which can take a moment on a busy machine.
        page.WaitForAssertion(() => Assert.Equal("Enter a number from 0 to 10,080 minutes.", FieldError(page, "IdleTimeoutMinutes.Min")), Wait);
        var input = page.Find($"#{IdleMin}");
        Assert.Contains("e-IdleTimeoutMinutes-Min", input.GetAttribute("aria-describedby") ?? "");
        Assert.Equal("20000", ValueOf(page, IdleMin)); // kept as typed, not clamped
        Assert.Equal("Google Colab (edited)", ValueOf(page, "f-Name"));
        Assert.Equal("10", ValueOf(page, "f-MaxSessionHours-Max"));
        Assert.Equal("colab", ValueOf(page, "f-Slug"));

        page.Find("[data-testid=save]").Click();

        page.WaitForElement("[data-testid=form-errors]", Wait);
        Assert.Equal("Enter a number from 0 to 10,080 minutes.", FieldError(page, "IdleTimeoutMinutes.Min"));
        Assert.Equal("Google Colab (edited)", ValueOf(page, "f-Name"));
        Assert.Equal("20000", ValueOf(page, IdleMin));
    }

    [Fact]
    public async Task Saving_a_changed_spec_with_evidence_writes_history_and_opens_it()
    {
        var before = await HistoryOfAsync("colab");
        var page = RenderEdit("colab");
        Enter(page, IdleMax, "45");
        Enter(page, IdleMin, "45");
        Enter(page, EvidenceUrl, "https://research.google.com/colaboratory/faq.html");

        page.Find("[data-testid=save]").Click();

        page.WaitForAssertion(() => Assert.Contains("/admin/platforms/colab/history?saved=", Navigation.Uri), Wait);
        var history = await HistoryOfAsync("colab");
        Assert.Equal(before.Count + 1, history.Count);
        var entry = history[0];
        Assert.Equal(ChangeKind.Edit, entry.Kind);
        Assert.Equal(AdminUserId, entry.ActorUserId);
        Assert.Equal(AdminEmail, entry.ActorDisplayName);
        Assert.Equal("https://research.google.com/colaboratory/faq.html", entry.EvidenceUrl);
        var field = Assert.Single(entry.Fields);
        Assert.Equal("IdleTimeoutMinutes", field.Field);
        Assert.StartsWith("30", field.OldValue);
        Assert.StartsWith("45", field.NewValue);
        Assert.EndsWith($"saved={entry.Id}", Navigation.Uri);
        var snapshot = await Catalog.SnapshotAsync();
        Assert.Equal(45, snapshot.Platforms.Single(p => p.Slug == "colab")[Specs.IdleTimeoutMinutes].Min);
    }

    [Fact]
    public async Task Chinese_text_is_edited_beside_its_English_and_saved_as_its_own_history_field()
    {
        var page = RenderEdit("kaggle");

        // Each pair sits in one bilingual row, English first, each with a label of its own.
        var summary = page.Find("[data-bilingual=Summary]");
        var inputs = summary.QuerySelectorAll("input, textarea").Select(i => i.Id).ToList();
        Assert.Equal(["f-Summary", "f-SummaryZh"], inputs);
        Assert.Equal("Summary (Chinese)", page.Find("label[for=f-SummaryZh]").TextContent.Trim());
        Assert.StartsWith("Kaggle Notebooks：", page.Find("#f-SummaryZh").TextContent + page.Find("#f-SummaryZh").GetAttribute("value"), StringComparison.Ordinal);
        Assert.Equal("Idle timeout (min) – note (Chinese)", page.Find("label[for=f-IdleTimeoutMinutes-NoteZh]").TextContent.Trim());
        Assert.Equal("在交互式 GPU 模式下。", ValueOf(page, "f-IdleTimeoutMinutes-NoteZh"));

        Enter(page, "f-IdleTimeoutMinutes-NoteZh", "交互式 GPU 模式下为 20 分钟。");
        page.Find("[data-testid=save]").Click();

        page.WaitForAssertion(() => Assert.Contains("/admin/platforms/kaggle/history?saved=", Navigation.Uri), Wait);
        var entry = (await HistoryOfAsync("kaggle"))[0];
        var field = Assert.Single(entry.Fields);
        Assert.Equal("IdleTimeoutMinutes", field.Field);
        Assert.Contains("Chinese: “交互式 GPU 模式下为 20 分钟。”", field.NewValue, StringComparison.Ordinal);
        var kaggle = (await Catalog.SnapshotAsync()).Platforms.Single(p => p.Slug == "kaggle");
        Assert.Equal("交互式 GPU 模式下为 20 分钟。", kaggle[Specs.IdleTimeoutMinutes].NoteZh);
        Assert.Equal("In interactive GPU mode.", kaggle[Specs.IdleTimeoutMinutes].Note);
    }

    [Fact]
    public async Task Saving_a_changed_spec_without_evidence_shows_the_evidence_message_and_saves_nothing()
    {
        var before = await HistoryOfAsync("colab");
        var page = RenderEdit("colab");
        Enter(page, IdleMax, "45");
        Enter(page, IdleMin, "45");

        page.Find("[data-testid=save]").Click();

        page.WaitForAssertion(() => Assert.Contains(
            "needs an evidence URL or a note on how it was verified", FieldError(page, "Evidence.EvidenceUrl")), Wait);
        Assert.Contains("Idle timeout (min)", FieldError(page, "Evidence.EvidenceUrl"));
        Assert.Equal("45", ValueOf(page, IdleMin));
        Assert.Equal(before.Count, (await HistoryOfAsync("colab")).Count);
        Assert.DoesNotContain("/history", Navigation.Uri);

        // Adding the note is enough: the same input saves.
        Enter(page, "f-Evidence-Note", "Checked the FAQ today.");
        Assert.Empty(page.FindAll("[data-field-error='Evidence.EvidenceUrl']"));
        page.Find("[data-testid=save]").Click();
        page.WaitForAssertion(() => Assert.Contains("/admin/platforms/colab/history", Navigation.Uri), Wait);
        Assert.Equal("Checked the FAQ today.", (await HistoryOfAsync("colab"))[0].Note);
    }

    [Fact]
    public async Task A_concurrent_save_shows_what_changed_keeps_the_input_and_saves_again_without_losing_either()
    {
        var page = RenderEdit("colab");
        Enter(page, IdleMax, "45");
        Enter(page, IdleMin, "45");
        Enter(page, "f-Vendor", "Google LLC");
        Enter(page, EvidenceUrl, "https://research.google.com/colaboratory/faq.html");

        // Another admin saves first: the idle timeout (which this admin changed too) and the summary (which they did not).
        await Catalog.Editor.EditAsync("colab", m =>
        {
            m.IdleTimeoutMinutes.Min = 60;
            m.IdleTimeoutMinutes.Max = 60;
            m.Summary = "Summary saved by the other admin.";
        }, actor: new Actor("other-admin", "other@example.org"));
        var countBefore = (await HistoryOfAsync("colab")).Count;

        page.Find("[data-testid=save]").Click();

        var conflict = page.WaitForElement("[data-testid=conflict]", Wait);
        Assert.Equal(countBefore, (await HistoryOfAsync("colab")).Count); // refused: nothing saved
        Assert.NotNull(conflict.QuerySelector("[data-conflict-summary=IdleTimeoutMinutes]"));
        var idle = page.Find("[data-conflict-field=IdleTimeoutMinutes]"); // next to the field itself
        Assert.Equal("true", idle.GetAttribute("data-needs-choice"));
        Assert.StartsWith("60", idle.QuerySelector("[data-value=saved]")!.TextContent.Trim());
        Assert.StartsWith("45", idle.QuerySelector("[data-value=yours]")!.TextContent.Trim());
        Assert.NotNull(idle.QuerySelector("[data-testid=use-saved]"));
        Assert.NotNull(page.Find("[data-conflict-field=Summary]"));
        Assert.Equal("45", ValueOf(page, IdleMin));
        Assert.Equal("Google LLC", ValueOf(page, "f-Vendor"));
        Assert.Equal("Summary saved by the other admin.", ValueOf(page, "f-Summary")); // only they changed it: theirs is taken

        // A second click on Save does not overwrite the other admin's idle timeout: it asks for a choice first.
        page.Find("[data-testid=save]").Click();
        page.WaitForAssertion(() => Assert.Contains("Idle timeout", page.Find("[data-testid=form-message]").TextContent), Wait);
        Assert.Equal(countBefore, (await HistoryOfAsync("colab")).Count);
        Assert.Equal(60, (await Catalog.Editor.GetForEditAsync("colab"))!.IdleTimeoutMinutes.Min);

        page.Find("[data-conflict-field=IdleTimeoutMinutes] [data-testid=keep-mine]").Click();
        page.WaitForAssertion(() => Assert.Equal("false", page.Find("[data-conflict-field=IdleTimeoutMinutes]").GetAttribute("data-needs-choice")), Wait);
        page.Find("[data-testid=save]").Click();

        page.WaitForAssertion(() => Assert.Contains("/admin/platforms/colab/history?saved=", Navigation.Uri), Wait);
        var saved = await Catalog.Editor.GetForEditAsync("colab");
        Assert.Equal(45, saved!.IdleTimeoutMinutes.Min);
        Assert.Equal("Google LLC", saved.Vendor);
        Assert.Equal("Summary saved by the other admin.", saved.Summary);
    }

    [Fact]
    public async Task Choosing_the_saved_value_in_a_conflict_takes_it_into_the_form()
    {
        var page = RenderEdit("colab");
        Enter(page, IdleMax, "45");
        Enter(page, IdleMin, "45");
        Enter(page, EvidenceUrl, "https://research.google.com/colaboratory/faq.html");
        await Catalog.Editor.EditAsync("colab", m => (m.IdleTimeoutMinutes.Min, m.IdleTimeoutMinutes.Max) = (60, 60));

        page.Find("[data-testid=save]").Click();
        page.WaitForElement("[data-conflict-field=IdleTimeoutMinutes] [data-testid=use-saved]", Wait).Click();

        page.WaitForAssertion(() => Assert.Equal("60", ValueOf(page, IdleMin)), Wait);
        Assert.Equal("60", ValueOf(page, IdleMax));
    }

    [Fact]
    public async Task A_save_after_the_sign_in_ended_is_refused_keeps_every_input_and_saves_nothing()
    {
        var page = RenderEdit("colab");
        Enter(page, IdleMax, "45");
        Enter(page, IdleMin, "45");
        Enter(page, EvidenceUrl, "https://research.google.com/colaboratory/faq.html");
        var countBefore = (await HistoryOfAsync("colab")).Count;
        BrowserSignIn(null); // signed out in another tab, or the cookie expired

        page.Find("[data-testid=save]").Click();

        var refused = page.WaitForElement("[data-testid=admin-refused]", Wait);
        Assert.Equal("NotSignedIn", refused.GetAttribute("data-reason"));
        Assert.Contains("Account/Login", refused.QuerySelector("[data-testid=sign-in-again]")!.GetAttribute("href"));
        Assert.Equal("_blank", refused.QuerySelector("[data-testid=sign-in-again]")!.GetAttribute("target"));
        Assert.Equal("45", ValueOf(page, IdleMin));
        Assert.Equal("https://research.google.com/colaboratory/faq.html", ValueOf(page, EvidenceUrl));
        Assert.Equal(countBefore, (await HistoryOfAsync("colab")).Count);

        // Signed in again (in another tab): the same input saves.
        BrowserSignIn(SignedIn);
        page.Find("[data-testid=save]").Click();
        page.WaitForAssertion(() => Assert.Contains("/admin/platforms/colab/history?saved=", Navigation.Uri), Wait);
        Assert.Equal(45, (await Catalog.Editor.GetForEditAsync("colab"))!.IdleTimeoutMinutes.Min);
    }

    [Fact]
    public void The_title_names_the_platform_and_the_section_nav_shows_one_section_at_a_time()
    {
        var page = RenderEdit("colab");

        Assert.Contains("Edit Google Colab", page.Find("h1").TextContent);
        Assert.False(page.Find("#section-general").HasAttribute("hidden"));
        Assert.True(page.Find("#section-IdleTimeoutMinutes").HasAttribute("hidden"));

        page.Find("[data-section-link=IdleTimeoutMinutes]").Click();

        page.WaitForAssertion(() => Assert.False(page.Find("#section-IdleTimeoutMinutes").HasAttribute("hidden")), Wait);
        Assert.True(page.Find("#section-general").HasAttribute("hidden"));
        Assert.Equal("true", page.Find("[data-section-link=IdleTimeoutMinutes]").GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task A_new_platform_is_created_with_its_history_entry()
    {
        var page = Render<PlatformEditPage>();
        page.WaitForElement("[data-testid=platform-form]", Wait);
        Assert.Empty(page.FindAll("[data-field-error]")); // nothing touched yet

        page.Find("[data-testid=save]").Click();
        page.WaitForAssertion(() => Assert.Equal("Enter a name.", FieldError(page, "Name")), Wait);
        Assert.Equal("Enter a slug.", FieldError(page, "Slug"));

        page.Find("#f-Name").Input("Lightning AI Studio"); // a new platform's name reports each keystroke
        page.WaitForAssertion(() => Assert.Equal("lightning-ai-studio", ValueOf(page, "f-Slug")), Wait);
        Enter(page, "f-Slug", "lightning-ai");
        Enter(page, "f-MaxSessionHours-Min", "4");
        Enter(page, "f-Evidence-Note", "Read the pricing page.");
        page.Find("[data-testid=save]").Click();

        page.WaitForAssertion(() => Assert.Contains("/admin/platforms/lightning-ai/history?saved=", Navigation.Uri), Wait);
        var entry = Assert.Single(await HistoryOfAsync("lightning-ai"));
        Assert.Equal(ChangeKind.Create, entry.Kind);
    }
}
