namespace FreeGpuPortal.Web.Auditing;

// The history as pages read it: an entry and its field changes, a page of entries, the global view's filter and
// actors, and a platform's latest verification.

/// <summary>
/// One history entry as pages show it. Actor fields are null when identities are left out (the public page). The
/// platform is null on a GPU model's own entry; the GPU model is set on every entry about one, the platforms' included.
/// </summary>
public sealed record HistoryEntry(
    int Id,
    int? PlatformId,
    string? PlatformSlug,
    string? PlatformName,
    ChangeKind Kind,
    int? RevertOfChangeId,
    DateTime AtUtc,
    string? ActorUserId,
    string? ActorDisplayName,
    string? EvidenceUrl,
    string? Note,
    IReadOnlyList<FieldChangeEntry> Fields)
{
    /// <summary>The GPU model the change is about, when it is one.</summary>
    public string? GpuModelSlug { get; init; }

    /// <summary>The GPU model's name now; null when the model has been deleted since (its slug then names it).</summary>
    public string? GpuModelName { get; init; }
}

/// <summary>
/// One field of an entry: the edit model's property name, its label, old → new as the text stored with the change,
/// and old → new as the typed JSON the change keeps (for showing it in the words of the pages).
/// </summary>
public sealed record FieldChangeEntry(string Field, string Label, string? OldValue, string? NewValue, string? OldJson = null, string? NewJson = null);

public sealed record HistoryPage(IReadOnlyList<HistoryEntry> Entries, int Page, int PageSize, int TotalCount)
{
    public int PageCount => TotalCount == 0 ? 0 : ((TotalCount - 1) / PageSize) + 1;
}

/// <summary>The global view's filter: platform slug and actor (user id or e-mail), both optional; pages count from 1.</summary>
public sealed record HistoryFilter(string? PlatformSlug = null, string? Actor = null, int Page = 1, int PageSize = 50);

/// <summary>An admin who has made changes, for the global view's actor filter.</summary>
public sealed record HistoryActor(string UserId, string DisplayName, int ChangeCount);

/// <summary>An admin's latest confirmation of a platform's values: the day, and the page they checked.</summary>
public sealed record Verification(DateOnly On, string? CheckedUrl, string? Note);
