using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Data;

using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.LinkChecking;

// The links' health for the admin list: the report and its items.

/// <summary>
/// Reads link statuses: the admin report, and for public pages the broken links with the time they began failing.
/// The public map is kept in memory until the catalog's change generation moves on (saving check results moves it).
/// </summary>
public sealed class LinkHealth(IDbContextFactory<CatalogDbContext> contextFactory, CatalogChangeSignal changes)
{
    private readonly SemaphoreSlim _loadLock = new(1, 1);
    private volatile CachedBroken? _cached;

    private sealed record CachedBroken(long Generation, IReadOnlyDictionary<string, DateTime> BrokenSince);

    /// <summary>When <paramref name="url"/> began failing, if the checker counts it broken; null otherwise.</summary>
    public async ValueTask<DateTime?> BrokenSinceAsync(string? url, CancellationToken cancellationToken = default) =>
        url is not null && (await BrokenSinceAsync(cancellationToken)).TryGetValue(url, out var since) ? since : null;

    /// <summary>Every broken link, with the time its failures began.</summary>
    public async ValueTask<IReadOnlyDictionary<string, DateTime>> BrokenSinceAsync(CancellationToken cancellationToken = default)
    {
        if (_cached is { } cached && cached.Generation == changes.Generation)
        {
            return cached.BrokenSince;
        }

        await _loadLock.WaitAsync(cancellationToken);
        try
        {
            var generation = changes.Generation;
            if (_cached is { } loaded && loaded.Generation == generation)
            {
                return loaded.BrokenSince;
            }

            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var broken = await db.LinkStatuses.AsNoTracking()
                .Where(s => s.ConsecutiveFailures >= LinkStatus.FailuresToBreak && s.FailingSinceUtc != null)
                .Select(s => new { s.Url, Since = s.FailingSinceUtc!.Value })
                .ToListAsync(cancellationToken);
            var map = broken.ToDictionary(b => b.Url, b => b.Since, StringComparer.Ordinal);
            _cached = new CachedBroken(generation, map);
            return map;
        }
        finally
        {
            _loadLock.Release();
        }
    }

    public async Task<LinkReport> ReportAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var cited = await CitedLinks.ReadAsync(db, cancellationToken);
        var statuses = await db.LinkStatuses.AsNoTracking().ToListAsync(cancellationToken);
        var items = statuses
            .Select(s => new LinkReportItem(
                s.Url, s.Outcome, s.StatusCode, s.FinalUrl, s.PermanentRedirect, s.CheckedAtUtc, s.ConsecutiveFailures, s.FailingSinceUtc,
                cited.ByPlatforms.TryGetValue(s.Url, out var by) ? by : []))
            .OrderBy(i => i.Url, StringComparer.Ordinal)
            .ToList();
        return new LinkReport(
            [.. items.Where(i => i.IsBroken)],
            [.. items.Where(i => i.Outcome == LinkOutcome.Redirected && i.CitedBy.Count > 0)],
            items.Count(i => i.CheckedAtUtc is not null),
            items.Max(i => i.CheckedAtUtc));
    }
}

/// <summary>The admin list: broken links, and links that redirect elsewhere; plus when links were last checked.</summary>
public sealed record LinkReport(IReadOnlyList<LinkReportItem> Broken, IReadOnlyList<LinkReportItem> Redirected, int CheckedCount, DateTime? LastCheckedAtUtc);

/// <summary>One link as the admin list shows it: its last check, and the platforms that cite it (empty when only history or the GPU list does).</summary>
public sealed record LinkReportItem(
    string Url, LinkOutcome Outcome, int? StatusCode, string? FinalUrl, bool PermanentRedirect, DateTime? CheckedAtUtc,
    int ConsecutiveFailures, DateTime? FailingSinceUtc, IReadOnlyList<CitingPlatform> CitedBy)
{
    public bool IsBroken => ConsecutiveFailures >= LinkStatus.FailuresToBreak;

    /// <summary>A redirect an admin can accept: it ends at a working URL, and a platform cites the old one.</summary>
    public bool CanAcceptRedirect => Outcome == LinkOutcome.Redirected && FinalUrl is not null && CitedBy.Count > 0;
}
