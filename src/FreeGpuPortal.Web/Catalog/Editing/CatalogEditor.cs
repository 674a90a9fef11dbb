using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Data;
using FreeGpuPortal.Web.Operations;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FreeGpuPortal.Web.Catalog.Editing;

/// <summary>
/// The only way the app writes platforms. Each operation validates, uses one short-lived context, and saves the
/// catalog rows together with one <see cref="CatalogChange"/> (who, when, evidence, fields old → new) in a single
/// SaveChanges, so the history and the catalog cannot disagree. Each write replaces the platform's concurrency
/// stamp; a request carrying an older stamp is refused with <see cref="EditResult.ConcurrencyConflict"/>. When the
/// database cannot take the write (read-only, locked, disk full) the answer is <see cref="EditResult.StorageUnavailable"/>
/// and SQLite's atomic commit guarantees that nothing of the change was written.
/// </summary>
public sealed class CatalogEditor(
    IDbContextFactory<CatalogDbContext> contextFactory, TimeProvider timeProvider, ILogger<CatalogEditor> logger,
    IStringLocalizer<SharedResource> localizer, PortalMetrics? metrics = null)
{
    /// <summary>A platform as its edit form opens it, with its current stamp; null for an unknown slug.</summary>
    public async Task<PlatformEditModel?> GetForEditAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var platform = await Platforms(db).AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        return platform is null ? null : PlatformEditModel.From(platform);
    }

    /// <summary>What <see cref="PlatformEditValidator"/> needs, for a form that validates as the admin types.</summary>
    /// <param name="platformId">The platform being edited, or 0 for a new one.</param>
    public async Task<PlatformValidationContext> GetValidationContextAsync(int platformId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        PlatformEditModel? before = null;
        if (platformId != 0)
        {
            var platform = await Platforms(db).AsNoTracking().SingleOrDefaultAsync(p => p.Id == platformId, cancellationToken);
            before = platform is null ? null : PlatformEditModel.From(platform);
        }

        return await ValidationContextAsync(db, platformId, before, requireEvidence: true, cancellationToken);
    }

    public Task<EditResult> CreateAsync(PlatformChangeRequest request, CancellationToken cancellationToken = default) =>
        GuardedAsync(() => CreateCoreAsync(request, cancellationToken));

    private async Task<EditResult> CreateCoreAsync(PlatformChangeRequest request, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var model = PlatformEditMapping.Trimmed(request.Platform);
        var evidence = PlatformEditMapping.Trimmed(request.Evidence);
        var context = await ValidationContextAsync(db, 0, before: null, requireEvidence: true, cancellationToken);
        var errors = PlatformEditValidator.Validate(model, evidence, context, localizer);
        if (errors.Count > 0)
        {
            return new EditResult.ValidationFailed(errors);
        }

        var platform = new Platform { Slug = model.Slug, Name = model.Name };
        db.Platforms.Add(platform);
        return await SaveAsync(
            db, platform, before: null, PlatformEditMapping.Canonical(model), ChangeKind.Create, request.Actor, evidence,
            revertOf: null, submitted: request.Platform, cancellationToken);
    }

    /// <summary>Saves the form over the platform <see cref="PlatformEditModel.Id"/>, if nobody saved it since the form opened.</summary>
    public Task<EditResult> UpdateAsync(PlatformChangeRequest request, CancellationToken cancellationToken = default) =>
        GuardedAsync(() => UpdateCoreAsync(request, cancellationToken));

    private async Task<EditResult> UpdateCoreAsync(PlatformChangeRequest request, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var platform = await Platforms(db).SingleOrDefaultAsync(p => p.Id == request.Platform.Id, cancellationToken);
        if (platform is null)
        {
            return new EditResult.NotFound();
        }

        if (platform.ConcurrencyStamp != request.Platform.ConcurrencyStamp)
        {
            return await ConflictAsync(platform.Id, request.Platform.ConcurrencyStamp, request.Platform, cancellationToken);
        }

        var before = PlatformEditModel.From(platform);
        var model = PlatformEditMapping.Trimmed(request.Platform);
        var evidence = PlatformEditMapping.Trimmed(request.Evidence);
        var context = await ValidationContextAsync(db, platform.Id, before, requireEvidence: true, cancellationToken);
        var errors = PlatformEditValidator.Validate(model, evidence, context, localizer);
        if (errors.Count > 0)
        {
            return new EditResult.ValidationFailed(errors);
        }

        return await SaveAsync(
            db, platform, before, PlatformEditMapping.Canonical(model), ChangeKind.Edit, request.Actor, evidence,
            revertOf: null, submitted: request.Platform, cancellationToken);
    }

    /// <summary>
    /// "Verified today": the admin confirms the platform's values against what they checked — a page, given as an
    /// http(s) URL, which is required — and the last-verified date becomes today's UTC date. The history entry keeps
    /// the URL, the admin's note, who and when.
    /// </summary>
    public Task<EditResult> VerifyAsync(
        int platformId, Guid concurrencyStamp, Actor actor, ChangeEvidence evidence, CancellationToken cancellationToken = default) =>
        ChangeAsync(platformId, concurrencyStamp, ChangeKind.Verify, actor, evidence, model =>
        {
            if (string.IsNullOrWhiteSpace(evidence?.EvidenceUrl))
            {
                return Error("Evidence.EvidenceUrl", "Edit.Refused.VerifyNeedsUrl");
            }

            model.LastVerifiedOn = Today;
            return null;
        }, cancellationToken);

    /// <summary>Retires a platform as <see cref="PlatformStatus.Discontinued"/>, or <see cref="PlatformStatus.Renamed"/> with its successor.</summary>
    public Task<EditResult> RetireAsync(
        int platformId, Guid concurrencyStamp, PlatformStatus status, string? successor, Actor actor, ChangeEvidence? evidence = null,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(platformId, concurrencyStamp, ChangeKind.Retire, actor, evidence, model =>
        {
            if (!status.IsRetired())
            {
                return Error("Status", "Edit.Refused.RetireStatus");
            }

            model.Status = status;
            model.SuccessorSlug = status == PlatformStatus.Renamed ? successor?.Trim() : null;
            return null;
        }, cancellationToken);

    /// <summary>Puts a retired (or changed) platform back to <see cref="PlatformStatus.Active"/>.</summary>
    public Task<EditResult> RestoreAsync(
        int platformId, Guid concurrencyStamp, Actor actor, ChangeEvidence? evidence = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(platformId, concurrencyStamp, ChangeKind.Restore, actor, evidence, model =>
        {
            model.Status = PlatformStatus.Active;
            model.SuccessorSlug = null;
            return null;
        }, cancellationToken);

    /// <summary>
    /// Replaces a source URL that moved (a redirect the link checker found) wherever the platform cites it, as one
    /// audited change. Refused when the platform no longer cites <paramref name="oldUrl"/>.
    /// </summary>
    public Task<EditResult> ReplaceSourceUrlAsync(
        int platformId, Guid concurrencyStamp, string oldUrl, string newUrl, Actor actor, ChangeEvidence evidence,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(platformId, concurrencyStamp, ChangeKind.Edit, actor, evidence, model =>
            CitedUrls.Replace(model, oldUrl, newUrl) == 0
                ? Error("SourceUrl", "Edit.Refused.NoLongerCited", oldUrl)
                : null, cancellationToken);

    /// <summary>
    /// Applies a change's old values again, as a new change of kind <see cref="ChangeKind.Revert"/>. When any of its
    /// fields changed again after it, nothing is saved and <see cref="EditResult.NeedsConfirmation"/> lists them,
    /// until the call confirms. Creating and seeding cannot be reverted (there is no hard delete: retire instead).
    /// </summary>
    public Task<EditResult> RevertAsync(
        int changeId, Actor actor, bool confirmFieldsChangedSince, string? note = null, CancellationToken cancellationToken = default) =>
        GuardedAsync(() => RevertCoreAsync(changeId, actor, confirmFieldsChangedSince, note, cancellationToken));

    private async Task<EditResult> RevertCoreAsync(
        int changeId, Actor actor, bool confirmFieldsChangedSince, string? note, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var change = await db.CatalogChanges.AsNoTracking().Include(c => c.Fields)
            .SingleOrDefaultAsync(c => c.Id == changeId, cancellationToken);
        if (change is null)
        {
            return new EditResult.NotFound();
        }

        if (change.Kind is ChangeKind.Create or ChangeKind.Seed)
        {
            return Error("Change", "Edit.Refused.RevertCreate");
        }

        if (change.PlatformId is null || change.GpuModelSlug is not null
            || (change.Fields.Count > 0 && change.Fields.All(f => PlatformField.Find(f.Field) is null)))
        {
            // A feature's or GPU model's change (from a catalog file) is shared by every platform that shows it.
            return Error("Change", "Edit.Refused.RevertReference");
        }

        var platform = await Platforms(db).SingleAsync(p => p.Id == change.PlatformId, cancellationToken);
        var fields = change.Fields.Select(f => f.Field).ToHashSet(StringComparer.Ordinal);
        var changedSince = await db.CatalogFieldChanges.AsNoTracking()
            .Where(f => fields.Contains(f.Field)
                && db.CatalogChanges.Any(c => c.Id == f.ChangeId && c.PlatformId == change.PlatformId && c.Id > changeId))
            .Select(f => f.Field)
            .Distinct()
            .ToListAsync(cancellationToken);
        if (changedSince.Count > 0 && !confirmFieldsChangedSince)
        {
            return new EditResult.NeedsConfirmation(InFormOrder(changedSince));
        }

        var before = PlatformEditModel.From(platform);
        var target = before.Clone();
        foreach (var field in change.Fields)
        {
            if (PlatformField.Find(field.Field) is { } known && field.OldJson is not null)
            {
                known.SetFromJson(target, field.OldJson);
            }
        }

        var context = await ValidationContextAsync(db, platform.Id, before, requireEvidence: false, cancellationToken);
        var errors = PlatformEditValidator.Validate(target, evidence: null, context, localizer);
        if (errors.Count > 0)
        {
            return new EditResult.ValidationFailed(errors);
        }

        var evidence = new ChangeEvidence { Note = string.IsNullOrWhiteSpace(note) ? $"Reverted change {changeId}." : note.Trim() };
        return await SaveAsync(
            db, platform, before, PlatformEditMapping.Canonical(target), ChangeKind.Revert, actor, evidence,
            revertOf: changeId, submitted: null, cancellationToken);
    }

    /// <summary>Every write goes through here: a storage fault becomes an answer the form can show, and each outcome is counted.</summary>
    private async Task<EditResult> GuardedAsync(Func<Task<EditResult>> edit)
    {
        EditResult result;
        try
        {
            result = await edit();
        }
        catch (Exception exception) when (StorageProblems.Classify(exception) is { } problem)
        {
            result = await StorageUnavailableAsync(exception, problem);
        }

        metrics?.CatalogSave(result switch
        {
            EditResult.Success => "saved",
            EditResult.NoChanges => "no_change",
            EditResult.ValidationFailed => "invalid",
            EditResult.ConcurrencyConflict => "conflict",
            EditResult.NeedsConfirmation => "needs_confirmation",
            EditResult.StorageUnavailable => "storage_fault",
            _ => "not_found",
        });
        return result;
    }

    /// <summary>
    /// A catalog write that is not one platform's edit (an import's feature and GPU model texts) under the same storage
    /// guard: a fault comes back as <see cref="EditResult.StorageUnavailable"/>, logged and counted; null when it saved.
    /// </summary>
    public async Task<EditResult.StorageUnavailable?> GuardedWriteAsync(Func<Task> write)
    {
        try
        {
            await write();
            return null;
        }
        catch (Exception exception) when (StorageProblems.Classify(exception) is { } problem)
        {
            var unavailable = await StorageUnavailableAsync(exception, problem);
            metrics?.CatalogSave("storage_fault");
            return unavailable;
        }
    }

    private async Task<EditResult.StorageUnavailable> StorageUnavailableAsync(Exception exception, StorageProblem problem)
    {
        await using (var db = await contextFactory.CreateDbContextAsync())
        {
            problem = StorageProbe.Refine(problem, db.Database.GetDbConnection().DataSource);
        }

        logger.LogWarning(exception, "Catalog edit not saved: the database storage is {StorageProblem}", problem);
        return new EditResult.StorageUnavailable(problem);
    }

    private DateOnly Today => DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);

    private static IQueryable<Platform> Platforms(CatalogDbContext db) => db.Platforms.Whole();

    /// <summary>A refusal of one field, in the language of the request.</summary>
    private EditResult.ValidationFailed Error(string key, string messageKey, params object[] arguments) =>
        new(new Dictionary<string, string[]> { [key] = [localizer[messageKey, arguments]] });

    /// <summary>A one-click action: change the current values with <paramref name="change"/> and save them, validated.</summary>
    private Task<EditResult> ChangeAsync(
        int platformId, Guid concurrencyStamp, ChangeKind kind, Actor actor, ChangeEvidence? evidence,
        Func<PlatformEditModel, EditResult?> change, CancellationToken cancellationToken) =>
        GuardedAsync(() => ChangeCoreAsync(platformId, concurrencyStamp, kind, actor, evidence, change, cancellationToken));

    private async Task<EditResult> ChangeCoreAsync(
        int platformId, Guid concurrencyStamp, ChangeKind kind, Actor actor, ChangeEvidence? evidence,
        Func<PlatformEditModel, EditResult?> change, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var platform = await Platforms(db).SingleOrDefaultAsync(p => p.Id == platformId, cancellationToken);
        if (platform is null)
        {
            return new EditResult.NotFound();
        }

        if (platform.ConcurrencyStamp != concurrencyStamp)
        {
            return await ConflictAsync(platformId, concurrencyStamp, submitted: null, cancellationToken);
        }

        var before = PlatformEditModel.From(platform);
        var after = before.Clone();
        if (change(after) is { } refused)
        {
            return refused;
        }

        var trimmedEvidence = PlatformEditMapping.Trimmed(evidence);
        var context = await ValidationContextAsync(db, platformId, before, requireEvidence: true, cancellationToken);
        var errors = PlatformEditValidator.Validate(after, trimmedEvidence, context, localizer);
        if (errors.Count > 0)
        {
            return new EditResult.ValidationFailed(errors);
        }

        return await SaveAsync(
            db, platform, before, PlatformEditMapping.Canonical(PlatformEditMapping.Trimmed(after)), kind, actor, trimmedEvidence,
            revertOf: null, submitted: null, cancellationToken);
    }

    private async Task<EditResult> SaveAsync(
        CatalogDbContext db, Platform platform, PlatformEditModel? before, PlatformEditModel after, ChangeKind kind, Actor actor,
        ChangeEvidence evidence, int? revertOf, PlatformEditModel? submitted, CancellationToken cancellationToken)
    {
        if (kind is ChangeKind.Create or ChangeKind.Edit)
        {
            ValueSources.FollowChange(before, after, evidence, Today);
        }

        // Every field compared by its whole typed value (number, note, citation): equal everywhere means no history
        // entry, never a "30 h → 30 h" one.
        var changed = PlatformField.Changed(before ?? new PlatformEditModel(), after);
        if (before is not null && changed.Count == 0)
        {
            return evidence.SuggestionId is { } heldSuggestionId
                ? await AcceptHeldSuggestionAsync(db, heldSuggestionId, platform, before, actor, cancellationToken)
                : new EditResult.NoChanges(platform.Id, platform.ConcurrencyStamp);
        }

        if (evidence.SuggestionId is { } suggestionId
            && await AcceptSuggestionAsync(db, suggestionId, platform.Id, actor, cancellationToken) is { } refused)
        {
            return refused;
        }

        var gpuModels = await db.GpuModels.ToDictionaryAsync(g => g.Slug, StringComparer.Ordinal, cancellationToken);
        var features = await db.Features.ToDictionaryAsync(f => f.Key, StringComparer.Ordinal, cancellationToken);
        var openedStamp = platform.ConcurrencyStamp;
        PlatformEditMapping.Apply(after, platform, gpuModels, features);
        platform.ConcurrencyStamp = Guid.NewGuid();

        var entry = HistoryWriter.ForPlatform(platform, kind, actor, evidence, timeProvider.GetUtcNow().UtcDateTime, before, after, changed);
        entry.RevertOfChangeId = revertOf;
        db.CatalogChanges.Add(entry);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: the token refused the update, so nothing was written.
            return await ConflictAsync(platform.Id, openedStamp, submitted, cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            // A unique index refused the save; when another platform took the slug since validation, say so.
            if (await SlugTakenAsync(platform.Id, platform.Slug, cancellationToken))
            {
                return Error("Slug", "Edit.Error.SlugInUse", platform.Slug);
            }

            throw;
        }

        logger.LogInformation(
            "Catalog change {ChangeId}: {Kind} of platform {PlatformSlug} by {ActorUserId}, fields {Fields}",
            entry.Id, kind, platform.Slug, actor.UserId, string.Join(",", entry.Fields.Select(f => f.Field)));
        return new EditResult.Success(platform.Id, platform.Slug, platform.ConcurrencyStamp, entry.Id);
    }

    /// <summary>
    /// Marks the visitor's suggestion this change accepts as accepted, in the change's own save: it is accepted when,
    /// and only when, the change is saved. Refused when it is not a pending suggestion for this platform.
    /// </summary>
    private async Task<EditResult?> AcceptSuggestionAsync(
        CatalogDbContext db, int suggestionId, int platformId, Actor actor, CancellationToken cancellationToken)
    {
        var suggestion = await db.Suggestions.SingleOrDefaultAsync(s => s.Id == suggestionId, cancellationToken);
        if (suggestion is null || suggestion.PlatformId != platformId)
        {
            return Error("Evidence.SuggestionId", "Edit.Refused.NoSuchSuggestion", suggestionId);
        }

        if (suggestion.Status != Suggestions.SuggestionStatus.Pending)
        {
            return Error("Evidence.SuggestionId", "Edit.Refused.SuggestionDecided." + suggestion.Status, suggestionId);
        }

        suggestion.Status = Suggestions.SuggestionStatus.Accepted;
        suggestion.DecidedAtUtc = timeProvider.GetUtcNow().UtcDateTime;
        suggestion.DecidedByUserId = actor.UserId;
        suggestion.DecidedByName = actor.DisplayName;
        return null;
    }

    /// <summary>
    /// A save with a suggestion that changes nothing: when the platform already holds the suggested value, the
    /// suggestion is accepted on its own (it was right, and nothing needed to change), with no history entry. When the
    /// value the form saved is not the suggested one, the suggestion stays pending.
    /// </summary>
    private async Task<EditResult> AcceptHeldSuggestionAsync(
        CatalogDbContext db, int suggestionId, Platform platform, PlatformEditModel current, Actor actor, CancellationToken cancellationToken)
    {
        var suggestion = await db.Suggestions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == suggestionId, cancellationToken);
        if (suggestion is null || Suggestions.SuggestableField.Find(suggestion.Field) is not { } field
            || Suggestions.ProposedValue.Of(current, field) != suggestion.Proposed)
        {
            return new EditResult.NoChanges(platform.Id, platform.ConcurrencyStamp);
        }

        if (await AcceptSuggestionAsync(db, suggestionId, platform.Id, actor, cancellationToken) is { } refused)
        {
            return refused;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Decided by another admin between the read and the write.
            return Error("Evidence.SuggestionId", "Edit.Refused.SuggestionDecided.Accepted", suggestionId);
        }

        logger.LogInformation(
            "Suggestion {SuggestionId} accepted by {ActorUserId}: platform {PlatformSlug} already held the value", suggestionId, actor.UserId, platform.Slug);
        return new EditResult.NoChanges(platform.Id, platform.ConcurrencyStamp, AcceptedSuggestionId: suggestionId);
    }

    private async Task<bool> SlugTakenAsync(int platformId, string slug, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Platforms.AnyAsync(p => p.Slug == slug && p.Id != platformId, cancellationToken);
    }

    /// <summary>
    /// The conflict answer: the platform as saved now, and the fields of every change saved after the one that left
    /// the platform at <paramref name="openedStamp"/> (what the form saw).
    /// </summary>
    private async Task<EditResult> ConflictAsync(
        int platformId, Guid openedStamp, PlatformEditModel? submitted, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var platform = await Platforms(db).AsNoTracking().SingleOrDefaultAsync(p => p.Id == platformId, cancellationToken);
        if (platform is null)
        {
            return new EditResult.NotFound();
        }

        var current = PlatformEditModel.From(platform);
        var opened = await db.CatalogChanges.AsNoTracking()
            .Where(c => c.PlatformId == platformId && c.ConcurrencyStampAfter == openedStamp)
            .Select(c => (int?)c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        IReadOnlyList<string> changedFields;
        if (opened is { } openedChangeId)
        {
            changedFields = InFormOrder(await db.CatalogFieldChanges.AsNoTracking()
                .Where(f => db.CatalogChanges.Any(c => c.Id == f.ChangeId && c.PlatformId == platformId && c.Id > openedChangeId))
                .Select(f => f.Field)
                .Distinct()
                .ToListAsync(cancellationToken));
        }
        else
        {
            // A stamp history does not know (a platform from before history began): name what differs from the input.
            changedFields = submitted is null
                ? []
                : [.. PlatformField.Changed(PlatformEditMapping.Canonical(PlatformEditMapping.Trimmed(submitted)), current).Select(f => f.Name)];
        }

        return new EditResult.ConcurrencyConflict(current, changedFields, submitted);
    }

    private static IReadOnlyList<string> InFormOrder(IEnumerable<string> fields)
    {
        var set = fields.ToHashSet(StringComparer.Ordinal);
        return [.. PlatformField.All.Select(f => f.Name).Where(set.Contains)];
    }

    private async Task<PlatformValidationContext> ValidationContextAsync(
        CatalogDbContext db, int platformId, PlatformEditModel? before, bool requireEvidence, CancellationToken cancellationToken) => new()
        {
            Today = Today,
            GpuModelSlugs = await db.GpuModels.Select(g => g.Slug).ToHashSetAsync(StringComparer.Ordinal, cancellationToken),
            FeatureKeys = await db.Features.Select(f => f.Key).ToHashSetAsync(StringComparer.Ordinal, cancellationToken),
            SlugsInUse = await db.Platforms.Where(p => p.Id != platformId).Select(p => p.Slug).ToHashSetAsync(StringComparer.Ordinal, cancellationToken),
            Before = before,
            RequireEvidenceForSpecChanges = requireEvidence,
        };
}
