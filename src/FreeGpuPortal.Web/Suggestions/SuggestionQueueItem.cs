namespace FreeGpuPortal.Web.Suggestions;

/// <summary>One suggestion as the admin queue lists it: the platform, the value as saved now and the proposed one.</summary>
public sealed record SuggestionQueueItem(
    int Id, string PlatformSlug, string PlatformName, SuggestableField Field, ProposedValue Current, ProposedValue Proposed,
    string EvidenceUrl, string? Note, DateTime SubmittedAtUtc);
