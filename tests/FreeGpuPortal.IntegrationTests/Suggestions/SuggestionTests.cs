using System.Net;

using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Data;
using FreeGpuPortal.Web.Suggestions;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.IntegrationTests.Suggestions;

/// <summary>
/// Suggesting a correction on /platforms/{slug}/suggest (antiforgery, honeypot, validation, post → redirect → get,
/// one stored per identical submission), the outcome link, the admin queue, rejecting with a reason and accepting
/// through the audited editor.
/// </summary>
public sealed class SuggestionTests(LenientPortal portal) : IClassFixture<LenientPortal>
{
    private static readonly Actor Admin = new("suggestion-admin-id", "suggestions@example.org");

    private async Task<List<Suggestion>> SuggestionsAsync(string slug)
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync();
        return await db.Suggestions.AsNoTracking().Where(s => s.Platform!.Slug == slug).OrderBy(s => s.Id).ToListAsync();
    }

    [Fact]
    public async Task Every_spec_value_links_to_the_form_which_has_a_token_the_field_chosen_and_the_value_shown_now()
    {
        var client = portal.NewClient();

        var platform = await client.GetStringAsync("/platforms/kaggle");
        var table = await client.GetStringAsync("/");
        var compare = await client.GetStringAsync("/compare?p=kaggle,colab");
        var response = await client.GetAsync("/platforms/kaggle/suggest?field=maxSessionHours");
        var html = await response.Content.ReadAsStringAsync();

        foreach (var key in new[] { "cpuCount", "ramGb", "storageGb", "maxSessionHours", "idleTimeoutMinutes", "weeklyGpuHours" })
        {
            Assert.Contains($"href=\"platforms/kaggle/suggest?field={key}\"", platform);
            Assert.Contains($"href=\"platforms/kaggle/suggest?field={key}\"", compare);
        }

        Assert.Contains("href=\"platforms/colab/suggest?field=maxSessionHours\"", table); // in the stated value's source popover
        Assert.DoesNotContain("__RequestVerificationToken", platform); // the cached page has no form
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Suggest a correction for Kaggle", html);
        Assert.Contains("name=\"__RequestVerificationToken\"", html);
        Assert.Matches("<option value=\"maxSessionHours\" selected", html);
        Assert.Contains("data-testid=\"suggest-current\">not stated<", html); // the article does not state Kaggle's session length
        Assert.Contains("id=\"suggest-website\"", html);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/platforms/no-such-platform/suggest")).StatusCode);

        var unknownField = await client.GetAsync("/platforms/kaggle/suggest?field=%3Cscript%3E");
        Assert.Equal(HttpStatusCode.OK, unknownField.StatusCode);
        Assert.Contains("is not a value you can suggest a correction for here", await unknownField.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("maxSessionHours", "abc", "", "https://www.kaggle.com/docs", "Enter a number, like 12 or 1.5 (without the unit).")]
    [InlineData("maxSessionHours", "200", "", "https://www.kaggle.com/docs", "Enter a number from 0 to 168 h.")]
    [InlineData("cpuCount", "2.5", "", "https://www.kaggle.com/docs", "Enter a whole number of CPUs.")]
    [InlineData("maxSessionHours", "12", "6", "https://www.kaggle.com/docs", "The high end must not be less than the low end.")]
    [InlineData("maxSessionHours", "", "", "https://www.kaggle.com/docs", "Enter the value.")]
    [InlineData("maxSessionHours", "12", "", "", "Enter the address of the page that states the value.")]
    [InlineData("maxSessionHours", "12", "", "ftp://www.kaggle.com/docs", "Enter a full web address starting with http:// or https://.")]
    [InlineData("idleTimeoutMinutes", "20", "", "https://www.kaggle.com/docs", "That is the value shown now; nothing to correct.")]
    public async Task Bad_input_gets_a_clear_message_keeps_what_was_typed_and_stores_nothing(
        string field, string from, string to, string evidence, string message)
    {
        var client = portal.NewClient();
        var before = (await SuggestionsAsync("kaggle")).Count;

        var response = await SuggestionForms.PostAsync(client, "kaggle", field, from, to, evidence, note: "kept note");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(message), html);
        Assert.Contains("data-testid=\"suggest-errors\"", html);
        Assert.Contains("kept note", html);
        if (from.Length > 0)
        {
            Assert.Contains($"value=\"{from}\"", html);
        }

        Assert.Equal(before, (await SuggestionsAsync("kaggle")).Count);
    }

    [Fact]
    public async Task No_quota_is_a_value_of_the_weekly_quota_only()
    {
        var client = portal.NewClient();

        var refused = await SuggestionForms.PostAsync(client, "colab", "ramGb", "", kind: "no-quota");
        var accepted = await SuggestionForms.PostAsync(client, "gradient", "weeklyGpuHours", "", kind: "no-quota", evidenceUrl: "https://gradient.example/quota");

        Assert.Contains("applies to the weekly GPU quota only", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var stored = Assert.Single(await SuggestionsAsync("gradient"), s => s.EvidenceUrl == "https://gradient.example/quota");
        Assert.Equal(ProposedKind.NoQuota, stored.ProposedKind);
    }

    [Fact]
    public async Task A_sent_suggestion_redirects_to_a_thank_you_with_its_outcome_link_and_the_same_one_sent_again_is_stored_once()
    {
        var client = portal.NewClient();
        var before = (await SuggestionsAsync("colab")).Count;
        var page = await client.GetStringAsync("/platforms/colab/suggest?field=idleTimeoutMinutes");

        var sent = await SuggestionForms.PostAsync(client, "colab", "idleTimeoutMinutes", "30", "90", "https://research.google.com/colaboratory/faq.html", "FAQ", page: page);
        var token = SuggestionForms.TokenOf(sent);
        var reloads = new[] { await client.GetAsync($"/suggestions/{token}/thanks"), await client.GetAsync($"/suggestions/{token}/thanks") };
        // The same form again from the stale tab (its old token), and once more from a fresh page.
        var stale = await SuggestionForms.PostAsync(client, "colab", "idleTimeoutMinutes", "30", "90", "https://research.google.com/colaboratory/faq.html", "FAQ", page: page);
        var again = await SuggestionForms.PostAsync(client, "colab", "idleTimeoutMinutes", "30", "90", "https://research.google.com/colaboratory/faq.html", "FAQ again");

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.All(reloads, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var thanks = await reloads[1].Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"suggest-thanks\"", thanks);
        Assert.Contains($"/suggestions/{token}</a>", thanks);
        Assert.Contains("30–90 min", thanks);
        Assert.Equal(token, SuggestionForms.TokenOf(stale));
        Assert.Equal(token, SuggestionForms.TokenOf(again));
        var stored = Assert.Single((await SuggestionsAsync("colab")).Skip(before));
        Assert.Equal(nameof(PlatformEditModel.IdleTimeoutMinutes), stored.Field);
        Assert.Equal((30d, 90d), (stored.ProposedMin!.Value, stored.ProposedMax!.Value));
        Assert.Equal("FAQ", stored.Note);
        Assert.Equal(SuggestionStatus.Pending, stored.Status);

        var outcome = await client.GetStringAsync($"/suggestions/{token}");
        Assert.Contains("data-status=\"pending\"", outcome);
        Assert.Contains("Waiting for review.", outcome);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\"", outcome);
        Assert.DoesNotContain("FAQ", outcome.Replace("faq.html", "", StringComparison.Ordinal)); // the note is for admins only
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/suggestions/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/suggestions/short")).StatusCode);
    }

    [Fact]
    public async Task A_filled_honeypot_says_thank_you_and_stores_nothing()
    {
        var client = portal.NewClient();
        var before = (await SuggestionsAsync("gradient")).Count;

        var response = await SuggestionForms.PostAsync(client, "gradient", "ramGb", "64", evidenceUrl: "https://spam.example/", honeypot: "https://spam.example");
        var thanks = await client.GetAsync(response.Headers.Location!);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, thanks.StatusCode);
        Assert.DoesNotContain("data-testid=\"outcome-link\"", await thanks.Content.ReadAsStringAsync());
        Assert.Equal(before, (await SuggestionsAsync("gradient")).Count);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_which_the_outcome_page_shows_without_the_admin()
    {
        var client = portal.NewClient();
        var token = SuggestionForms.TokenOf(await SuggestionForms.PostAsync(client, "gradient", "storageGb", "50", evidenceUrl: "https://gradient.example/storage"));
        var id = (await SuggestionsAsync("gradient")).Single(s => s.Token == token).Id;
        var moderation = portal.Services.GetRequiredService<SuggestionModeration>();

        Assert.IsType<SuggestionDecision.Refused>(await moderation.RejectAsync(id, "  ", Admin));
        Assert.IsType<SuggestionDecision.Refused>(await moderation.RejectAsync(id, new string('x', 301), Admin));
        Assert.Contains(await moderation.PendingAsync(), s => s.Id == id);
        Assert.IsType<SuggestionDecision.Done>(await moderation.RejectAsync(id, "The page describes the paid plan.", Admin));
        Assert.IsType<SuggestionDecision.AlreadyDecided>(await moderation.RejectAsync(id, "twice", Admin));

        var outcome = await client.GetStringAsync($"/suggestions/{token}");
        Assert.Contains("data-status=\"rejected\"", outcome);
        Assert.Contains("The page describes the paid plan.", outcome);
        Assert.DoesNotContain("suggestions@example.org", outcome);
        Assert.DoesNotContain(await moderation.PendingAsync(), s => s.Id == id);
    }

    [Fact]
    public async Task Accepting_is_the_editors_save_which_links_the_suggestion_and_marks_it_accepted_only_then()
    {
        var client = portal.NewClient();
        var token = SuggestionForms.TokenOf(await SuggestionForms.PostAsync(client, "colab", "maxSessionHours", "24", evidenceUrl: "https://colab.example/limits"));
        var suggestion = (await SuggestionsAsync("colab")).Single(s => s.Token == token);
        var editor = portal.Services.GetRequiredService<CatalogEditor>();
        var model = (await editor.GetForEditAsync("colab"))!;
        suggestion.Proposed.ApplyTo(model, SuggestableField.Find(suggestion.Field)!);
        var evidence = new ChangeEvidence { EvidenceUrl = suggestion.EvidenceUrl, SuggestionId = suggestion.Id };

        // A save that fails validation accepts nothing.
        var invalid = model.Clone();
        invalid.Name = "";
        Assert.IsType<EditResult.ValidationFailed>(await editor.UpdateAsync(new PlatformChangeRequest(invalid, evidence, Admin)));
        Assert.Equal(SuggestionStatus.Pending, (await SuggestionsAsync("colab")).Single(s => s.Id == suggestion.Id).Status);

        var saved = Assert.IsType<EditResult.Success>(await editor.UpdateAsync(new PlatformChangeRequest(model, evidence, Admin)));

        Assert.Equal(SuggestionStatus.Accepted, (await SuggestionsAsync("colab")).Single(s => s.Id == suggestion.Id).Status);
        await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync())
        {
            var change = await db.CatalogChanges.SingleAsync(c => c.Id == saved.ChangeId);
            Assert.Equal(suggestion.Id, change.SuggestionId);
            Assert.Equal("https://colab.example/limits", change.EvidenceUrl);
        }

        var outcome = await client.GetStringAsync($"/suggestions/{token}");
        Assert.Contains("data-status=\"accepted\"", outcome);
        Assert.Contains("Max session changed from 12 h to 24 h.", outcome);

        // Accepting it again (a second tab) is refused and saves nothing.
        var again = (await editor.GetForEditAsync("colab"))!;
        again.Summary += " (again)";
        var refused = Assert.IsType<EditResult.ValidationFailed>(await editor.UpdateAsync(new PlatformChangeRequest(again, evidence, Admin)));
        Assert.Contains("Evidence.SuggestionId", refused.Errors.Keys);
    }

    [Fact]
    public async Task The_queue_and_the_counts_are_for_admins_only()
    {
        var anonymous = portal.NewClient();
        await SuggestionForms.PostAsync(anonymous, "kaggle", "ramGb", "30", evidenceUrl: "https://kaggle.example/ram");

        var toLogin = await anonymous.GetAsync("/admin/suggestions");
        var admin = await portal.AdminClientAsync($"queue-{Guid.NewGuid():N}@example.org");
        var queue = await admin.GetStringAsync("/admin/suggestions");
        var index = await admin.GetStringAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        Assert.Contains("/Account/Login", toLogin.Headers.Location!.OriginalString);
        Assert.Contains("https://kaggle.example/ram", queue);
        Assert.Contains("data-testid=\"accept\"", queue);
        Assert.Matches("href=\"admin/platforms/kaggle/edit\\?section=RamGb&amp;suggestion=\\d+\"", queue);
        Assert.Contains("data-testid=\"queue-suggestions\"", index);
        Assert.Contains("data-testid=\"nav-suggestions-count\"", index);
    }
}
