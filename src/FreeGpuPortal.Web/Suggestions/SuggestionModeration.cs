using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Data;

using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.Suggestions;

// The admin queue of suggestions and its items.

/// <summary>
/// The admin side of suggestions: the queue, its count, and rejecting with a reason. Accepting is not here: an admin
/// accepts by saving the platform editor opened with the suggestion (<see cref="CatalogEditor"/> marks it accepted in
/// the same save as the change, which records the suggestion's id).
/// </summary>
public sealed class SuggestionModeration(
    IDbContextFactory<CatalogDbContext> contextFactory, TimeProvider timeProvider, ILogger<SuggestionModeration> logger)
{
    public const int ListLimit = 200;

    public async Task<int> PendingCountAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Suggestions.CountAsync(s => s.Status == SuggestionStatus.Pending, cancellationToken);
    }

    /// <summary>Pending suggestions, oldest first.</summary>
    public async Task<IReadOnlyList<SuggestionQueueItem>> PendingAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var suggestions = await db.Suggestions.AsNoTracking()
            .Where(s => s.Status == SuggestionStatus.Pending)
            .OrderBy(s => s.SubmittedAtUtc).ThenBy(s => s.Id)
            .Take(ListLimit)
            .ToListAsync(cancellationToken);
        var platformIds = suggestions.Select(s => s.PlatformId).Distinct().ToList();
        var platforms = await db.Platforms.AsNoTracking().Where(p => platformIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var items = new List<SuggestionQueueItem>();
        foreach (var suggestion in suggestions)
        {
            if (SuggestableField.Find(suggestion.Field) is not { } field || !platforms.TryGetValue(suggestion.PlatformId, out var platform))
            {
                continue;
            }

            var current = ProposedValue.Of(PlatformEditModel.From(platform), field);
            items.Add(new SuggestionQueueItem(
                suggestion.Id, platform.Slug, platform.Name, field, current, suggestion.Proposed, suggestion.EvidenceUrl, suggestion.Note,
                suggestion.SubmittedAtUtc));
        }

        return items;
    }

    /// <summary>A pending suggestion for the platform editor to open with; null when there is none by that id or it was decided.</summary>
    public async Task<Suggestion?> FindPendingAsync(int suggestionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Suggestions.AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == suggestionId && s.Status == SuggestionStatus.Pending, cancellationToken);
    }

    /// <summary>Rejects a pending suggestion with the admin's reason, which its outcome page shows.</summary>
    public async Task<SuggestionDecision> RejectAsync(int suggestionId, string? reason, Actor actor, CancellationToken cancellationToken = default)
    {
        if (SuggestionRules.RejectionReasonProblem(reason) is { } problem)
        {
            return new SuggestionDecision.Refused(problem);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var suggestion = await db.Suggestions.SingleOrDefaultAsync(s => s.Id == suggestionId, cancellationToken);
        if (suggestion is null)
        {
            return new SuggestionDecision.NotFound();
        }

        if (suggestion.Status != SuggestionStatus.Pending)
        {
            return new SuggestionDecision.AlreadyDecided(suggestionId, suggestion.Status);
        }

        suggestion.Status = SuggestionStatus.Rejected;
        suggestion.RejectionReason = CatalogText.WithoutBidiControls(reason)!.Trim();
        suggestion.DecidedAtUtc = timeProvider.GetUtcNow().UtcDateTime;
        suggestion.DecidedByUserId = actor.UserId;
        suggestion.DecidedByName = actor.DisplayName;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Decided by another admin between the read and the write: say how.
            await using var fresh = await contextFactory.CreateDbContextAsync(cancellationToken);
            var status = await fresh.Suggestions.Where(s => s.Id == suggestionId).Select(s => s.Status).SingleAsync(cancellationToken);
            return new SuggestionDecision.AlreadyDecided(suggestionId, status);
        }

        logger.LogInformation("Suggestion {SuggestionId} rejected by {ActorUserId}", suggestionId, actor.UserId);
        return new SuggestionDecision.Done(suggestionId);
    }
}

/// <summary>One suggestion as the admin queue lists it: the platform, the value as saved now and the proposed one.</summary>
public sealed record SuggestionQueueItem(
    int Id, string PlatformSlug, string PlatformName, SuggestableField Field, ProposedValue Current, ProposedValue Proposed,
    string EvidenceUrl, string? Note, DateTime SubmittedAtUtc);
