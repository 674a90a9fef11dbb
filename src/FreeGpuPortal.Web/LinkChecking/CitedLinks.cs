using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Data;

using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.LinkChecking;

// Reading the URLs the catalog cites, and the platforms citing each.

/// <summary>
/// Reads the URLs the catalog cites: the platforms' sources (see <see cref="CitedUrls"/>), the GPU reference list's
/// sources, and the evidence links of the history.
/// </summary>
public static class CitedLinks
{
    public static async Task<CitedLinkSet> ReadAsync(CatalogDbContext db, CancellationToken cancellationToken)
    {
        var platforms = await db.Platforms.AsNoTracking().Whole()
            .ToListAsync(cancellationToken);
        var byPlatforms = new Dictionary<string, List<CitingPlatform>>(StringComparer.Ordinal);
        foreach (var platform in platforms.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase))
        {
            foreach (var url in CitedUrls.Of(Catalog.Editing.PlatformEditModel.From(platform)))
            {
                if (!byPlatforms.TryGetValue(url, out var list))
                {
                    byPlatforms[url] = list = [];
                }

                list.Add(new CitingPlatform(platform.Id, platform.Slug, platform.Name, platform.ConcurrencyStamp));
            }
        }

        var gpuSources = await db.GpuModels.AsNoTracking().Where(g => g.SourceUrl != null).Select(g => g.SourceUrl!).ToListAsync(cancellationToken);
        var evidence = await db.CatalogChanges.AsNoTracking().Where(c => c.EvidenceUrl != null).Select(c => c.EvidenceUrl!).Distinct().ToListAsync(cancellationToken);
        var other = gpuSources.Concat(evidence).Where(IsHttp).ToHashSet(StringComparer.Ordinal);
        return new CitedLinkSet(
            byPlatforms.Where(p => IsHttp(p.Key)).ToDictionary(p => p.Key, p => (IReadOnlyList<CitingPlatform>)p.Value, StringComparer.Ordinal),
            other);
    }

    private static bool IsHttp(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}

/// <summary>Every distinct URL the catalog cites, and who cites it.</summary>
public sealed record CitedLinkSet(
    IReadOnlyDictionary<string, IReadOnlyList<CitingPlatform>> ByPlatforms, IReadOnlySet<string> Other)
{
    public IEnumerable<string> All => ByPlatforms.Keys.Concat(Other.Where(u => !ByPlatforms.ContainsKey(u))).Distinct(StringComparer.Ordinal);
}

/// <summary>A platform that cites a URL, with its stamp, so a change to it can be made safely.</summary>
public sealed record CitingPlatform(int Id, string Slug, string Name, Guid ConcurrencyStamp);
