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
