namespace FreeGpuPortal.Web.Suggestions;

/// <summary>A suggestion as its outcome page shows it to the visitor: never who decided, never anything about them.</summary>
public sealed record SuggestionOutcome(
    string PlatformSlug, string PlatformName, SuggestableField Field, ProposedValue Proposed, string EvidenceUrl, SuggestionStatus Status,
    DateTime SubmittedAtUtc, DateTime? DecidedAtUtc, string? RejectionReason, AcceptedChange? Accepted);

/// <summary>
/// The catalog change that accepted a suggestion: its history entry, and the value before and after it (null when the
/// change left that value as it was: the admin saved other fields only).
/// </summary>
public sealed record AcceptedChange(int ChangeId, DateTime AtUtc, ProposedValue? Old, ProposedValue? New);
