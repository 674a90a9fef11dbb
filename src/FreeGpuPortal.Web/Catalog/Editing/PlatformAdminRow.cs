namespace FreeGpuPortal.Web.Catalog.Editing;

/// <summary>One row of the admin overview.</summary>
/// <param name="IsStale">Never verified, or last verified more than <see cref="PlatformAdminList.StaleAfterDays"/> days ago.</param>
public sealed record PlatformAdminRow(
    int Id,
    string Slug,
    string Name,
    string? Vendor,
    PlatformStatus Status,
    string? SuccessorSlug,
    DateOnly? LastVerifiedOn,
    bool IsStale,
    DateTime? LastChangedAtUtc,
    Guid ConcurrencyStamp);
