using FreeGpuPortal.Web.Catalog;

namespace FreeGpuPortal.Web.Suggestions;

// A visitor's suggestion as stored, and its status.

/// <summary>
/// A visitor's suggested correction of one value of one platform: the proposed value (typed as the admin form types
/// it), the evidence URL, an optional note, and where it stands. It never changes the catalog by itself: an admin
/// accepts it by saving the audited platform editor, and the catalog change records <see cref="Id"/>. Nothing about
/// the visitor is stored: no IP address, no account; the <see cref="Token"/> is their only way back to it.
/// </summary>
public sealed class Suggestion
{
    public int Id { get; set; }

    public int PlatformId { get; set; }
    public Platform? Platform { get; set; }

    /// <summary>The edit model's property name of the value, e.g. <c>MaxSessionHours</c> (see <see cref="SuggestableField"/>).</summary>
    public string Field { get; set; } = "";

    public ProposedKind ProposedKind { get; set; }
    public double? ProposedMin { get; set; }
    public double? ProposedMax { get; set; }

    public string EvidenceUrl { get; set; } = "";

    /// <summary>The visitor's optional note, at most <see cref="SuggestionRules.NoteMaxLength"/> characters; shown to admins only.</summary>
    public string? Note { get; set; }

    /// <summary>Platform, field, proposed value and evidence URL, hashed: the same submission within a day is stored once.</summary>
    public string Fingerprint { get; set; } = "";

    /// <summary>The unguessable part of the outcome link (<c>/suggestions/{token}</c>).</summary>
    public string Token { get; set; } = "";

    public SuggestionStatus Status { get; set; } = SuggestionStatus.Pending;

    public DateTime SubmittedAtUtc { get; set; }

    public DateTime? DecidedAtUtc { get; set; }

    /// <summary>The admin who accepted or rejected it; never shown publicly.</summary>
    public string? DecidedByUserId { get; set; }
    public string? DecidedByName { get; set; }

    /// <summary>Why it was rejected, in the admin's words; shown on the outcome page.</summary>
    public string? RejectionReason { get; set; }

    public ProposedValue Proposed => new(ProposedKind, ProposedMin, ProposedMax);
}

public enum SuggestionStatus
{
    Pending,
    Accepted,
    Rejected,
}
