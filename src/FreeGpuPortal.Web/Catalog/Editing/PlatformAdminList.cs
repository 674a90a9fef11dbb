using FreeGpuPortal.Web.Data;

using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.Catalog.Editing;

// The admin overview: its query and its rows.

/// <summary>Every platform for the admin overview, retired ones included, with how fresh its verification is.</summary>
public sealed class PlatformAdminList(IDbContextFactory<CatalogDbContext> contextFactory, TimeProvider timeProvider)
{
    public const int StaleAfterDays = 180;

    public async Task<IReadOnlyList<PlatformAdminRow>> GetAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Platforms.AsNoTracking()
            .Select(p => new
            {
                p.Id,
                p.Slug,
                p.Name,
                p.Vendor,
                p.Status,
                p.SuccessorSlug,
                p.LastVerifiedOn,
                LastChangedAtUtc = db.CatalogChanges.Where(c => c.PlatformId == p.Id).Max(c => (DateTime?)c.AtUtc),
                p.ConcurrencyStamp,
            })
            .ToListAsync(cancellationToken);
        return [.. rows
            .Select(r => new PlatformAdminRow(
                r.Id, r.Slug, r.Name, r.Vendor, r.Status, r.SuccessorSlug, r.LastVerifiedOn, IsStale(r.LastVerifiedOn, today),
                r.LastChangedAtUtc is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null, r.ConcurrencyStamp))
            .OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase)];
    }

    public static bool IsStale(DateOnly? lastVerifiedOn, DateOnly today) =>
        lastVerifiedOn is not { } verified || today.DayNumber - verified.DayNumber > StaleAfterDays;
}

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
