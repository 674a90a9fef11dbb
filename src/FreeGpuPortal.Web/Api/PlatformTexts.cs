namespace FreeGpuPortal.Web.Api;

/// <summary>Pros and cons (both languages) are not part of the in-memory snapshot; the CSV endpoint reads them per platform id.</summary>
public sealed record PlatformTexts(
    IReadOnlyList<string> Pros, IReadOnlyList<string> Cons, IReadOnlyList<string>? ProsZh = null, IReadOnlyList<string>? ConsZh = null);
