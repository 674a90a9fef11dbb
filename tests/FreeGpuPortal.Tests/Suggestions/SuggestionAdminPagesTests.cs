using Bunit;

using FreeGpuPortal.Web.Components.Pages.Admin;
using FreeGpuPortal.Web.Suggestions;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.Tests.Suggestions;

/// <summary>
/// The admin queue of suggestions (reject with a required reason, cards that stay in place, authority checked as it
/// acts) and the platform editor opened to accept one (prefilled, accepted only by the save).
/// </summary>
public sealed class SuggestionAdminPagesTests : FreeGpuPortal.Tests.Admin.AdminComponentTest
{
    private async Task<Suggestion> AddAsync(string slug, string field, double value, string evidenceUrl)
    {
        await using var db = await Catalog.ContextFactory.CreateDbContextAsync();
        var suggestion = new Suggestion
        {
            PlatformId = await db.Platforms.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync(),
            Field = field,
            ProposedKind = ProposedKind.Value,
            ProposedMin = value,
            ProposedMax = value,
            EvidenceUrl = evidenceUrl,
            Note = "<b>seen today</b>",
            Fingerprint = Guid.NewGuid().ToString("N"),
            Token = SuggestionRules.NewToken(),
            SubmittedAtUtc = Catalog.Clock.GetUtcNow().UtcDateTime,
        };
        db.Suggestions.Add(suggestion);
        await db.SaveChangesAsync();
        return suggestion;
    }

    private Microsoft.AspNetCore.Components.NavigationManager Navigation =>
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();

    private async Task<Suggestion> StoredAsync(int id)
    {
        await using var db = await Catalog.ContextFactory.CreateDbContextAsync();
        return await db.Suggestions.AsNoTracking().SingleAsync(s => s.Id == id);
    }

    [Fact]
    public async Task Reject_needs_a_reason_and_the_card_stays_in_place_marked_while_the_next_one_is_untouched()
    {
        var first = await AddAsync("kaggle", "MaxSessionHours", 12, "https://kaggle.example/limits");
        var second = await AddAsync("colab", "RamGb", 16, "https://colab.example/ram");

        var page = Render<SuggestionsQueue>();
        var card = page.WaitForElement($"[data-suggestion-id='{first.Id}']", Wait);
        Assert.Contains("Kaggle", card.TextContent);
        Assert.Equal("not stated", card.QuerySelector("[data-testid=current]")!.TextContent.Trim());
        Assert.Equal("12 h", card.QuerySelector("[data-testid=proposed]")!.TextContent.Trim());
        Assert.Equal("<b>seen today</b>", card.QuerySelector("[data-testid=suggestion-note]")!.TextContent); // text, not markup
        Assert.Equal(
            $"admin/platforms/kaggle/edit?section=MaxSessionHours&suggestion={first.Id}",
            card.QuerySelector("[data-testid=accept]")!.GetAttribute("href"));

        page.Find($"[data-suggestion-id='{first.Id}'] [data-testid=reject]").Click();
        page.Find($"[data-suggestion-id='{first.Id}'] [data-testid=reject-confirm]").Click();
        page.WaitForAssertion(() => Assert.Contains(
            "Give a short reason", page.Find($"[data-suggestion-id='{first.Id}'] [data-testid=card-message]").TextContent), Wait);
        Assert.Equal(SuggestionStatus.Pending, (await StoredAsync(first.Id)).Status);

        page.Find($"[data-suggestion-id='{first.Id}'] [data-testid=reject-reason]").Input("The page shows the paid plan.");
        page.Find($"[data-suggestion-id='{first.Id}'] [data-testid=reject-confirm]").Click();

        page.WaitForElement($"[data-suggestion-id='{first.Id}'][data-outcome='Rejected']", Wait);
        var rejected = await StoredAsync(first.Id);
        Assert.Equal(SuggestionStatus.Rejected, rejected.Status);
        Assert.Equal("The page shows the paid plan.", rejected.RejectionReason);
        Assert.Equal(AdminUserId, rejected.DecidedByUserId);
        Assert.Equal(SuggestionStatus.Pending, (await StoredAsync(second.Id)).Status);
        Assert.NotEmpty(page.FindAll($"[data-suggestion-id='{second.Id}'] [data-testid=reject]"));
        Assert.Empty(page.FindAll($"[data-suggestion-id='{first.Id}'] [data-testid=reject]")); // nothing left to click on it
    }

    [Fact]
    public async Task A_browser_signed_out_meanwhile_rejects_nothing()
    {
        var suggestion = await AddAsync("colab", "StorageGb", 100, "https://colab.example/storage");
        var page = Render<SuggestionsQueue>();
        page.WaitForElement($"[data-suggestion-id='{suggestion.Id}'] [data-testid=reject]", Wait).Click();
        page.Find("[data-testid=reject-reason]").Input("Not on the page.");

        BrowserSignIn(null);
        page.Find("[data-testid=reject-confirm]").Click();

        page.WaitForElement("[data-testid=admin-refused]", Wait);
        Assert.Equal(SuggestionStatus.Pending, (await StoredAsync(suggestion.Id)).Status);
    }

    [Fact]
    public async Task The_editor_opens_prefilled_with_the_value_and_its_evidence_and_saving_accepts_the_suggestion()
    {
        var suggestion = await AddAsync("kaggle", "MaxSessionHours", 12, "https://kaggle.example/limits");

        Navigation.NavigateTo($"admin/platforms/kaggle/edit?section=MaxSessionHours&suggestion={suggestion.Id}");
        var page = Render<PlatformEditPage>(parameters => parameters.Add(p => p.Slug, "kaggle"));
        page.WaitForElement("[data-testid=accepting-suggestion]", Wait);

        Assert.Equal("12", page.Find("#f-MaxSessionHours-Min").GetAttribute("value"));
        Assert.Equal("12", page.Find("#f-MaxSessionHours-Max").GetAttribute("value"));
        Assert.Equal("https://kaggle.example/limits", page.Find("#f-Evidence-EvidenceUrl").GetAttribute("value"));
        Assert.Equal(SuggestionStatus.Pending, (await StoredAsync(suggestion.Id)).Status); // opening accepts nothing

        page.Find("[data-testid=save]").Click();

        page.WaitForAssertion(() => Assert.Contains("/history?saved=", Navigation.Uri, StringComparison.Ordinal), Wait);
        Assert.Equal(SuggestionStatus.Accepted, (await StoredAsync(suggestion.Id)).Status);
        var entry = (await HistoryOfAsync("kaggle"))[0];
        Assert.Equal(["MaxSessionHours"], entry.Fields.Select(f => f.Field));
        Assert.Equal("https://kaggle.example/limits", entry.EvidenceUrl);
        Assert.Equal($"Correction suggested by a visitor (suggestion #{suggestion.Id}).", entry.Note);
        await using var db = await Catalog.ContextFactory.CreateDbContextAsync();
        Assert.Equal(suggestion.Id, (await db.CatalogChanges.SingleAsync(c => c.Id == entry.Id)).SuggestionId);
    }

    [Fact]
    public async Task Accepting_a_suggestion_whose_value_already_holds_says_so_accepts_it_and_stores_no_history_entry()
    {
        var suggestion = await AddAsync("colab", "MaxSessionHours", 12, "https://colab.example/limits"); // the seed says 12 h
        var count = (await HistoryOfAsync("colab")).Count;
        var queue = Render<SuggestionsQueue>();
        Assert.Contains("already holds this value", queue.WaitForElement($"[data-suggestion-id='{suggestion.Id}'] [data-testid=already-holds]", Wait).TextContent, StringComparison.Ordinal);
        await DisposeComponentsAsync();

        Navigation.NavigateTo($"admin/platforms/colab/edit?section=MaxSessionHours&suggestion={suggestion.Id}");
        var page = Render<PlatformEditPage>(parameters => parameters.Add(p => p.Slug, "colab"));
        page.WaitForElement("[data-testid=accepting-suggestion]", Wait);
        page.Find("[data-testid=save]").Click();

        page.WaitForAssertion(() => Assert.Equal(
            $"Suggestion #{suggestion.Id} accepted: Max session already reads 12 h, so nothing changed and no history entry was stored.",
            page.Find("[data-testid=form-message]").TextContent.Trim()), Wait);
        Assert.Empty(page.FindAll("[data-testid=accepting-suggestion]"));
        var stored = await StoredAsync(suggestion.Id);
        Assert.Equal(SuggestionStatus.Accepted, stored.Status);
        Assert.Equal(AdminUserId, stored.DecidedByUserId);
        Assert.Equal(count, (await HistoryOfAsync("colab")).Count);

        // The visitor's outcome page says it in whole sentences, and not as a change from 12 h to 12 h.
        await DisposeComponentsAsync();
        var outcome = Render<FreeGpuPortal.Web.Components.Pages.Suggestions.SuggestionOutcomePage>(parameters => parameters.Add(p => p.Token, stored.Token));
        var status = outcome.WaitForElement("[data-testid=suggestion-status]", Wait);
        var day = FreeGpuPortal.Web.Components.Catalog.SpecText.Date(DateOnly.FromDateTime(stored.DecidedAtUtc!.Value));
        Assert.Equal($"Accepted on {day}.", status.QuerySelector("strong")!.TextContent.Trim());
        Assert.Equal("Max session already read 12 h, so nothing needed to change.", outcome.Find("[data-testid=suggestion-change]").TextContent.Trim());
    }

    [Fact]
    public async Task Saving_with_a_suggestion_while_the_form_holds_another_value_than_suggested_keeps_it_pending()
    {
        var suggestion = await AddAsync("colab", "MaxSessionHours", 24, "https://colab.example/limits");
        var count = (await HistoryOfAsync("colab")).Count;

        Navigation.NavigateTo($"admin/platforms/colab/edit?section=MaxSessionHours&suggestion={suggestion.Id}");
        var page = Render<PlatformEditPage>(parameters => parameters.Add(p => p.Slug, "colab"));
        page.WaitForElement("[data-testid=accepting-suggestion]", Wait);
        page.Find("#f-MaxSessionHours-Min").Change("12"); // back to the saved value: the form now changes nothing
        page.Find("#f-MaxSessionHours-Max").Change("12");
        page.Find("[data-testid=save]").Click();

        page.WaitForAssertion(() => Assert.StartsWith("Nothing changed", page.Find("[data-testid=form-message]").TextContent.Trim(), StringComparison.Ordinal), Wait);
        Assert.Equal(SuggestionStatus.Pending, (await StoredAsync(suggestion.Id)).Status);
        Assert.Equal(count, (await HistoryOfAsync("colab")).Count);
    }

    [Fact]
    public async Task A_decided_suggestion_does_not_fill_the_editor()
    {
        var suggestion = await AddAsync("colab", "RamGb", 64, "https://colab.example/ram64");
        await Services.GetService<SuggestionModeration>()!.RejectAsync(suggestion.Id, "No.", new("a", "a@example.org"));

        Navigation.NavigateTo($"admin/platforms/colab/edit?suggestion={suggestion.Id}");
        var page = Render<PlatformEditPage>(parameters => parameters.Add(p => p.Slug, "colab"));
        page.WaitForElement("[data-testid=platform-form]", Wait);

        Assert.Contains("is not waiting for review", page.Find("[data-testid=form-message]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=accepting-suggestion]"));
        Assert.Equal("", page.Find("#f-Evidence-EvidenceUrl").GetAttribute("value") ?? "");
    }
}
