using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Data;

using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.Suggestions;

// Submitting suggestions and showing their outcome to the visitor: the platform, the outcome and the accepting change.

/// <summary>Checks and stores the corrections visitors suggest on <c>/platforms/{slug}/suggest</c>, and reads their outcome.</summary>
public sealed class SuggestionSubmissions(
    IDbContextFactory<CatalogDbContext> contextFactory, CatalogEditor editor, TimeProvider timeProvider, ILogger<SuggestionSubmissions> logger)
{
    /// <summary>The same suggestion within the duplicate window is one suggestion, with one link.</summary>
    private readonly SubmissionGuard _guard = new(contextFactory);

    public async Task<SuggestionPlatform?> FindPlatformAsync(string slug, CancellationToken cancellationToken = default)
    {
        var current = await editor.GetForEditAsync(Slugs.Canonical(slug), cancellationToken);
        return current is null ? null : new SuggestionPlatform(current.Id, current.Slug, current.Name, current);
    }

    /// <summary>Checks the form against the admin form's rules and the platform as saved now. Stores nothing.</summary>
    public async Task<SuggestionCheck> CheckAsync(SuggestionPlatform platform, SuggestionForm form, CancellationToken cancellationToken = default)
    {
        var context = await editor.GetValidationContextAsync(platform.Id, cancellationToken);
        return SuggestionRules.Check(form, platform.Current, context);
    }

    /// <summary>Stores the suggestion as pending, when the form is valid and the honeypot empty.</summary>
    public async Task<SuggestionSaveResult> SaveAsync(SuggestionPlatform platform, SuggestionForm form, CancellationToken cancellationToken = default)
    {
        if (SubmissionGuard.IsFromScript(form.Website))
        {
            logger.LogInformation("Discarded a suggestion for {PlatformSlug}: the honeypot field was filled", platform.Slug);
            return new SuggestionSaveResult.Discarded();
        }

        var check = await CheckAsync(platform, form, cancellationToken);
        if (!check.IsValid)
        {
            return new SuggestionSaveResult.Refused(check);
        }

        var field = check.Field!;
        var proposed = check.Proposed!;
        var evidenceUrl = form.EvidenceUrl!.Trim();
        var note = CatalogText.WithoutBidiControls(form.Note)?.Trim();
        var suggestion = new Suggestion
        {
            PlatformId = platform.Id,
            Field = field.Name,
            ProposedKind = proposed.Kind,
            ProposedMin = proposed.Min,
            ProposedMax = proposed.Max,
            EvidenceUrl = evidenceUrl,
            Note = string.IsNullOrEmpty(note) ? null : note,
            Fingerprint = SuggestionRules.Fingerprint(platform.Id, field, proposed, evidenceUrl),
            Token = SuggestionRules.NewToken(),
            Status = SuggestionStatus.Pending,
            SubmittedAtUtc = timeProvider.GetUtcNow().UtcDateTime,
        };

        var stored = await _guard.StoreOnceAsync(
            suggestion.SubmittedAtUtc,
            (db, since, cancel) => db.Suggestions.AsNoTracking()
                .Where(s => s.Fingerprint == suggestion.Fingerprint && s.SubmittedAtUtc >= since)
                .OrderBy(s => s.Id)
                .Select(s => s.Token)
                .Take(1)
                .ToListAsync(cancel),
            async (db, cancel) =>
            {
                db.Suggestions.Add(suggestion);
                await db.SaveChangesAsync(cancel);
                return suggestion.Token;
            },
            cancellationToken);
        if (stored.Repeated)
        {
            // A reload, a double click or a stale tab sending the same suggestion again: one suggestion, one link.
            logger.LogInformation("Suggestion for {PlatformSlug} {Field} repeats an earlier one: not stored again", platform.Slug, field.Name);
            return new SuggestionSaveResult.Saved(stored.Key);
        }

        logger.LogInformation("Suggestion {SuggestionId} for {PlatformSlug} {Field} submitted for review", suggestion.Id, platform.Slug, field.Name);
        return new SuggestionSaveResult.Saved(suggestion.Token);
    }

    /// <summary>What the visitor holding <paramref name="token"/> may see; null for a token that names no suggestion.</summary>
    public async Task<SuggestionOutcome?> OutcomeAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!SuggestionRules.IsTokenShaped(token))
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var suggestion = await db.Suggestions.AsNoTracking().Include(s => s.Platform)
            .SingleOrDefaultAsync(s => s.Token == token, cancellationToken);
        if (suggestion is null || SuggestableField.Find(suggestion.Field) is not { } field)
        {
            return null;
        }

        AcceptedChange? accepted = null;
        if (suggestion.Status == SuggestionStatus.Accepted)
        {
            var change = await db.CatalogChanges.AsNoTracking().Include(c => c.Fields)
                .FirstOrDefaultAsync(c => c.SuggestionId == suggestion.Id, cancellationToken);
            if (change is not null)
            {
                accepted = new AcceptedChange(
                    change.Id, change.AtUtc, ValueOf(change, field, old: true), ValueOf(change, field, old: false));
            }
        }

        return new SuggestionOutcome(
            suggestion.Platform!.Slug, suggestion.Platform.Name, field, suggestion.Proposed, suggestion.EvidenceUrl, suggestion.Status,
            suggestion.SubmittedAtUtc, suggestion.DecidedAtUtc, suggestion.RejectionReason, accepted);
    }

    /// <summary>The field's value before or after a change, read from the typed JSON history keeps; null when it did not change.</summary>
    private static ProposedValue? ValueOf(Auditing.CatalogChange change, SuggestableField field, bool old)
    {
        var fields = change.Fields.ToDictionary(f => f.Field, f => old ? f.OldJson : f.NewJson, StringComparer.Ordinal);
        var quotaChanged = field.IsWeeklyQuota && fields.ContainsKey(nameof(PlatformEditModel.WeeklyQuotaKind));
        if (!fields.ContainsKey(field.Name) && !quotaChanged)
        {
            return null;
        }

        var model = new PlatformEditModel();
        foreach (var name in new[] { field.Name, nameof(PlatformEditModel.WeeklyQuotaKind) })
        {
            var json = fields.GetValueOrDefault(name);
            if (json is not null && PlatformField.Find(name) is { } known)
            {
                try
                {
                    known.SetFromJson(model, json);
                }
                catch (System.Text.Json.JsonException)
                {
                    return null;
                }
            }
        }

        return ProposedValue.Of(model, field);
    }
}

/// <summary>The platform a suggestion is for, with its values as saved now.</summary>
public sealed record SuggestionPlatform(int Id, string Slug, string Name, PlatformEditModel Current);

/// <summary>A suggestion as its outcome page shows it to the visitor: never who decided, never anything about them.</summary>
public sealed record SuggestionOutcome(
    string PlatformSlug, string PlatformName, SuggestableField Field, ProposedValue Proposed, string EvidenceUrl, SuggestionStatus Status,
    DateTime SubmittedAtUtc, DateTime? DecidedAtUtc, string? RejectionReason, AcceptedChange? Accepted);

/// <summary>
/// The catalog change that accepted a suggestion: its history entry, and the value before and after it (null when the
/// change left that value as it was: the admin saved other fields only).
/// </summary>
public sealed record AcceptedChange(int ChangeId, DateTime AtUtc, ProposedValue? Old, ProposedValue? New);
