using FreeGpuPortal.Web.Catalog;

namespace FreeGpuPortal.Web.Auditing;

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
