using FreeGpuPortal.Web.Catalog;

namespace FreeGpuPortal.Web.Auditing;

// A history entry as stored: the change, its kind, and who made it.

/// <summary>
/// One change to one platform or one GPU model: who made it, when (UTC), on what evidence, and which fields went from
/// what to what. Written in the same save as the catalog rows it describes, and never changed or deleted afterwards.
/// A GPU model's change is written once for the model (<see cref="PlatformId"/> null) and once more into the history
/// of each platform offering it (both set), since those platforms' pages show the model's facts.
/// </summary>
public sealed class CatalogChange
{
    public int Id { get; set; }

    /// <summary>The platform whose history this entry belongs to; null for a GPU model's own entry.</summary>
    public int? PlatformId { get; set; }

    /// <summary>Set when the platform is created in the same save, before it has an id.</summary>
    public Platform? Platform { get; set; }

    /// <summary>
    /// The GPU model the change is about, by slug, when it is one. A slug rather than a key: a deleted model keeps its
    /// history, and the slug is how history already names a model's fields (<c>GpuModel:tesla-t4.Note</c>).
    /// </summary>
    public string? GpuModelSlug { get; set; }

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

    /// <summary>A GPU model no platform offered was removed from the reference list (platforms are retired instead).</summary>
    Delete,
}

/// <summary>Who makes a change: the signed-in admin (user id and e-mail), or the system for seeding.</summary>
public sealed record Actor(string UserId, string DisplayName)
{
    public static Actor System { get; } = new("system", "system");
}
