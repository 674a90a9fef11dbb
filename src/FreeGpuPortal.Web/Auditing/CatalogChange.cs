using FreeGpuPortal.Web.Catalog;

namespace FreeGpuPortal.Web.Auditing;

/// <summary>What kind of change a history entry records.</summary>
public enum ChangeKind
{
    Create,
    Edit,
    Retire,
    Restore,
    Verify,
    Revert,
    Seed,
}

/// <summary>
/// One change to one platform: who made it, when (UTC), on what evidence, and which fields went from what to what.
/// Written in the same save as the catalog rows it describes, and never changed or deleted afterwards.
/// </summary>
public sealed class CatalogChange
{
    public int Id { get; set; }
    public int PlatformId { get; set; }

    /// <summary>Set when the platform is created in the same save, before it has an id.</summary>
    public Platform? Platform { get; set; }

    public ChangeKind Kind { get; set; }

    /// <summary>For a <see cref="ChangeKind.Revert"/>: the change whose old values were applied again.</summary>
    public int? RevertOfChangeId { get; set; }

    public required string ActorUserId { get; set; }
    public required string ActorDisplayName { get; set; }

    /// <summary>When the change was saved, in UTC.</summary>
    public DateTime AtUtc { get; set; }

    public string? EvidenceUrl { get; set; }
    public string? Note { get; set; }

    /// <summary>The visitor's suggestion this change accepted, when it did.</summary>
    public int? SuggestionId { get; set; }

    /// <summary>
    /// The platform's concurrency stamp after this change. A form opened at that stamp has seen every change up to
    /// this one, so the fields changed since are those of the later entries.
    /// </summary>
    public Guid ConcurrencyStampAfter { get; set; }

    public List<CatalogFieldChange> Fields { get; set; } = [];
}

/// <summary>
/// One field of a change. The values are kept twice: as JSON of the typed edit value, so a revert restores it exactly,
/// and as display text for people reading the history.
/// </summary>
public sealed class CatalogFieldChange
{
    public int Id { get; set; }
    public int ChangeId { get; set; }

    /// <summary>The edit model's property name, e.g. <c>IdleTimeoutMinutes</c>, <c>Gpus</c>, <c>Pros</c>.</summary>
    public required string Field { get; set; }

    /// <summary>JSON of the value before the change; null when the platform did not exist yet.</summary>
    public string? OldJson { get; set; }
    public string? NewJson { get; set; }
    public string? OldDisplay { get; set; }
    public string? NewDisplay { get; set; }
}
