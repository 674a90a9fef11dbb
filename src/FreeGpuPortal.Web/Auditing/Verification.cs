namespace FreeGpuPortal.Web.Auditing;

/// <summary>An admin's latest confirmation of a platform's values: the day, and the page they checked.</summary>
public sealed record Verification(DateOnly On, string? CheckedUrl, string? Note);
