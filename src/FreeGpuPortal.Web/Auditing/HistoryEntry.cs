namespace FreeGpuPortal.Web.Auditing;

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
