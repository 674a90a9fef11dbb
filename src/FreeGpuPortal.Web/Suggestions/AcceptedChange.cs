namespace FreeGpuPortal.Web.Suggestions;

/// <summary>
/// The catalog change that accepted a suggestion: its history entry, and the value before and after it (null when the
/// change left that value as it was: the admin saved other fields only).
/// </summary>
public sealed record AcceptedChange(int ChangeId, DateTime AtUtc, ProposedValue? Old, ProposedValue? New);
