namespace FreeGpuPortal.Web.Suggestions;

/// <summary>What a suggested value says: a number or range, that the value is not stated anywhere, or that there is no weekly quota.</summary>
public enum ProposedKind
{
    Value,
    Unknown,
    NoQuota,
}
