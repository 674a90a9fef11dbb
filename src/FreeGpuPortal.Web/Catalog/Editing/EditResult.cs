using FreeGpuPortal.Web.Operations;

namespace FreeGpuPortal.Web.Catalog.Editing;

/// <summary>What became of an edit. Exactly one of the nested cases; match on them.</summary>
public abstract record EditResult
{
    private EditResult()
    {
    }

    /// <summary>Saved, with one history entry.</summary>
    /// <param name="ConcurrencyStamp">The platform's new stamp: a form that stays open saves again with it.</param>
    public sealed record Success(int PlatformId, string Slug, Guid ConcurrencyStamp, int ChangeId) : EditResult;

    /// <summary>
    /// The request would not change anything: no catalog change, no history entry. <paramref name="AcceptedSuggestionId"/>
    /// names the suggestion the save carried when the platform already held its value: it is marked accepted.
    /// </summary>
    public sealed record NoChanges(int PlatformId, Guid ConcurrencyStamp, int? AcceptedSuggestionId = null) : EditResult;

    /// <summary>Refused: messages keyed by the edit model's property path (e.g. <c>Gpus[1].PerSession</c>).</summary>
    public sealed record ValidationFailed(IReadOnlyDictionary<string, string[]> Errors) : EditResult;

    /// <summary>
    /// Refused because the platform changed since the form was opened: the version now saved, the fields changed
    /// since (edit model property names, e.g. <c>IdleTimeoutMinutes</c>), and the caller's own input, untouched
    /// (null for the one-click actions, which have none). Nothing saved; to keep the input, merge it into
    /// <see cref="Current"/>'s stamp and save again.
    /// </summary>
    public sealed record ConcurrencyConflict(
        PlatformEditModel Current, IReadOnlyList<string> ChangedFields, PlatformEditModel? Submitted) : EditResult;

    public sealed record NotFound : EditResult;

    /// <summary>
    /// Not saved because the database could not take the write (read-only, locked past the busy timeout, disk
    /// full). Nothing of the change was written; the caller keeps its input and may save again later.
    /// </summary>
    public sealed record StorageUnavailable(StorageProblem Problem) : EditResult;

    /// <summary>A revert would overwrite fields that changed again after the reverted change; ask, then pass the confirmation.</summary>
    public sealed record NeedsConfirmation(IReadOnlyList<string> FieldsChangedSince) : EditResult;
}
