namespace FreeGpuPortal.Web.Auditing;

/// <summary>One history entry as pages show it. Actor fields are null when identities are left out (the public page).</summary>
public sealed record HistoryEntry(
    int Id,
    int PlatformId,
    string PlatformSlug,
    string PlatformName,
    ChangeKind Kind,
    int? RevertOfChangeId,
    DateTime AtUtc,
    string? ActorUserId,
    string? ActorDisplayName,
    string? EvidenceUrl,
    string? Note,
    IReadOnlyList<FieldChangeEntry> Fields);
