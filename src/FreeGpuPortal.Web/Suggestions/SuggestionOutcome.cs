namespace FreeGpuPortal.Web.Suggestions;

/// <summary>A suggestion as its outcome page shows it to the visitor: never who decided, never anything about them.</summary>
public sealed record SuggestionOutcome(
    string PlatformSlug, string PlatformName, SuggestableField Field, ProposedValue Proposed, string EvidenceUrl, SuggestionStatus Status,
    DateTime SubmittedAtUtc, DateTime? DecidedAtUtc, string? RejectionReason, AcceptedChange? Accepted);
