using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.LinkChecking;

/// <summary>Every distinct URL the catalog cites, and who cites it.</summary>
public sealed record CitedLinkSet(
    IReadOnlyDictionary<string, IReadOnlyList<CitingPlatform>> ByPlatforms, IReadOnlySet<string> Other)
{
    public IEnumerable<string> All => ByPlatforms.Keys.Concat(Other.Where(u => !ByPlatforms.ContainsKey(u))).Distinct(StringComparer.Ordinal);
}
