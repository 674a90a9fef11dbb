using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Catalog.Transfer;
using FreeGpuPortal.Web.Data;

using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.Auditing;

/// <summary>Reads the catalog history, newest first.</summary>
public sealed class CatalogHistory(IDbContextFactory<CatalogDbContext> contextFactory)
{
    public const int MaxPageSize = 200;

    /// <summary>
    /// The newest <paramref name="count"/> changes, of every platform or of one (<paramref name="platformSlug"/>), for
    /// the public change feeds: never with admin identities.
    /// </summary>
    public async Task<IReadOnlyList<HistoryEntry>> RecentPublicAsync(
        int count, string? platformSlug = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // Platforms only: a GPU model's change reaches the feeds through the entries of the platforms offering it.
        var query = db.CatalogChanges.AsNoTracking().Where(c => c.PlatformId != null);
        if (platformSlug is not null)
        {
            query = query.Where(c => c.Platform!.Slug == platformSlug);
        }

        return await ReadAsync(
            db,
            query.OrderByDescending(c => c.AtUtc).ThenByDescending(c => c.Id).Take(Math.Clamp(count, 1, MaxPageSize)),
            includeActors: false,
            cancellationToken);
    }

    /// <summary>
    /// The global admin view: every change, newest first, filtered by platform and by actor, one page at a time. A GPU
    /// model's change shows once, as the model's own entry; filtered by platform, as that platform's entry.
    /// </summary>
    public async Task<HistoryPage> SearchAsync(HistoryFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.CatalogChanges.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.PlatformSlug))
        {
            var slug = filter.PlatformSlug.Trim();
            query = query.Where(c => c.Platform!.Slug == slug);
        }
        else
        {
            query = query.Where(c => c.PlatformId == null || c.GpuModelSlug == null);
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();
            query = query.Where(c => c.ActorUserId == actor || c.ActorDisplayName == actor);
        }

        return await PageAsync(db, query, filter.Page, filter.PageSize, includeActors: true, cancellationToken);
    }

    /// <summary>
    /// One page of one platform's changes, newest first, for the platform's history pages: a history that grows with
    /// every save is never read, rendered or held in a circuit whole. An unknown slug gives an empty page. With
    /// <paramref name="includeActors"/> false (the public platform page) no admin identity leaves this method.
    /// </summary>
    public async Task<HistoryPage> ForPlatformPageAsync(
        string slug, bool includeActors, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.CatalogChanges.AsNoTracking().Where(c => c.Platform!.Slug == slug);
        return await PageAsync(db, query, page, pageSize, includeActors, cancellationToken);
    }

    /// <summary>
    /// One page of a GPU model's own history, newest first, for its admin page: every add, edit and delete of the
    /// slug, a deleted model's included.
    /// </summary>
    public async Task<HistoryPage> ForGpuModelPageAsync(string slug, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.CatalogChanges.AsNoTracking().Where(c => c.GpuModelSlug == slug && c.PlatformId == null);
        return await PageAsync(db, query, page, pageSize, includeActors: true, cancellationToken);
    }

    private static async Task<HistoryPage> PageAsync(
        CatalogDbContext db, IQueryable<CatalogChange> query, int page, int pageSize, bool includeActors, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var total = await query.CountAsync(cancellationToken);

        // A page beyond the last (an old link, a typed number) shows the last page; the caller can tell by the page.
        page = Math.Clamp(page, 1, Math.Max(1, ((total - 1) / pageSize) + 1));
        var entries = await ReadAsync(
            db,
            query.OrderByDescending(c => c.AtUtc).ThenByDescending(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize),
            includeActors,
            cancellationToken);
        return new HistoryPage(entries, page, pageSize, total);
    }

    /// <summary>Everyone who has changed the catalog, for the actor filter.</summary>
    public async Task<IReadOnlyList<HistoryActor>> ActorsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var actors = await db.CatalogChanges.AsNoTracking()
            .GroupBy(c => c.ActorUserId)
            .Select(g => new { UserId = g.Key, DisplayName = g.OrderByDescending(c => c.Id).Select(c => c.ActorDisplayName).First(), Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. actors.Select(a => new HistoryActor(a.UserId, a.DisplayName, a.Count)).OrderBy(a => a.DisplayName, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// The verification behind the platform's current last-verified date: the latest verify change of that day. Null
    /// when the platform was never verified (or its date was restored by a revert to a day with no verification).
    /// </summary>
    public async Task<Verification?> LastVerificationAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var platform = await db.Platforms.AsNoTracking().Where(p => p.Slug == slug)
            .Select(p => new { p.Id, p.LastVerifiedOn }).SingleOrDefaultAsync(cancellationToken);
        if (platform?.LastVerifiedOn is not { } on)
        {
            return null;
        }

        var start = on.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var change = await db.CatalogChanges.AsNoTracking()
            .Where(c => c.PlatformId == platform.Id && c.Kind == ChangeKind.Verify && c.AtUtc >= start && c.AtUtc < start.AddDays(1))
            .OrderByDescending(c => c.Id)
            .Select(c => new { c.EvidenceUrl, c.Note })
            .FirstOrDefaultAsync(cancellationToken);
        return change is null ? null : new Verification(on, change.EvidenceUrl, change.Note);
    }

    /// <summary>A platform's name as saved now, for a page about it; null for an unknown slug.</summary>
    public async Task<string?> PlatformNameAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Platforms.AsNoTracking().Where(p => p.Slug == slug).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The names history values refer to by key, for showing them as the pages do.</summary>
    public async Task<CatalogNames> NamesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return new CatalogNames(
            await db.GpuModels.AsNoTracking().ToDictionaryAsync(g => g.Slug, g => g.Name, StringComparer.Ordinal, cancellationToken),
            await db.Features.AsNoTracking().ToDictionaryAsync(f => f.Key, f => f.Name, StringComparer.Ordinal, cancellationToken));
    }

    /// <summary>One entry, for a revert confirmation; null when unknown.</summary>
    public async Task<HistoryEntry?> GetAsync(int changeId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var entries = await ReadAsync(db, db.CatalogChanges.AsNoTracking().Where(c => c.Id == changeId), includeActors: true, cancellationToken);
        return entries.SingleOrDefault();
    }

    /// <summary>The one place history rows become <see cref="HistoryEntry"/>s, for every page that shows history.</summary>
    private static async Task<IReadOnlyList<HistoryEntry>> ReadAsync(
        CatalogDbContext db, IQueryable<CatalogChange> query, bool includeActors, CancellationToken cancellationToken)
    {
        var rows = await query
            .Select(c => new
            {
                c.Id,
                c.PlatformId,
                Slug = c.Platform == null ? null : c.Platform.Slug,
                Name = c.Platform == null ? null : c.Platform.Name,
                c.GpuModelSlug,
                GpuModelName = db.GpuModels.Where(g => g.Slug == c.GpuModelSlug).Select(g => g.Name).FirstOrDefault(),
                c.Kind,
                c.RevertOfChangeId,
                c.AtUtc,
                ActorUserId = includeActors ? c.ActorUserId : null,
                ActorDisplayName = includeActors ? c.ActorDisplayName : null,
                c.EvidenceUrl,
                c.Note,
                Fields = c.Fields.OrderBy(f => f.Id).Select(f => new { f.Field, f.OldDisplay, f.NewDisplay, f.OldJson, f.NewJson }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new HistoryEntry(
            r.Id, r.PlatformId, r.Slug, r.Name, r.Kind, r.RevertOfChangeId, r.AtUtc, r.ActorUserId, r.ActorDisplayName, r.EvidenceUrl, r.Note,
            [.. r.Fields.Select(f => new FieldChangeEntry(f.Field, PlatformField.Find(f.Field)?.Label ?? ReferenceField.Parse(f.Field)?.Label ?? f.Field, f.OldDisplay, f.NewDisplay, f.OldJson, f.NewJson))])
        {
            GpuModelSlug = r.GpuModelSlug,
            GpuModelName = r.GpuModelName,
        })];
    }
}
