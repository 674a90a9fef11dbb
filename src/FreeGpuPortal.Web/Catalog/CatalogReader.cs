using FreeGpuPortal.Web.Data;

using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.Catalog;

// Reading the catalog into memory: the reader, the snapshot it builds and the feature list it offers.

/// <summary>
/// Keeps the catalog in memory between changes. The catalog is small and read on every page view, while writes are
/// rare admin edits; <see cref="CatalogChangeInterceptor"/> bumps <see cref="CatalogChangeSignal"/> on every save in
/// this process, and a snapshot older than the last change is never served, so a saved change shows at once.
/// </summary>
public sealed class CatalogReader(IDbContextFactory<CatalogDbContext> contextFactory, CatalogChangeSignal changes)
{
    private readonly SemaphoreSlim _loadLock = new(1, 1);
    private volatile CachedSnapshot? _cached;

    private sealed record CachedSnapshot(long Generation, CatalogSnapshot Snapshot);

    public async ValueTask<CatalogSnapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_cached is { } cached && cached.Generation == changes.Generation)
        {
            return cached.Snapshot;
        }

        await _loadLock.WaitAsync(cancellationToken);
        try
        {
            // Read the generation before the data: a save landing mid-read leaves this snapshot marked stale.
            var generation = changes.Generation;
            if (_cached is { } loaded && loaded.Generation == generation)
            {
                return loaded.Snapshot;
            }

            var snapshot = await LoadAsync(cancellationToken);
            _cached = new CachedSnapshot(generation, snapshot);
            return snapshot;
        }
        finally
        {
            _loadLock.Release();
        }
    }

    private async Task<CatalogSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var platforms = await db.Platforms
            .AsNoTracking()
            .WithGpusAndFeatures()
            .ToListAsync(cancellationToken);
        var features = await db.Features
            .AsNoTracking()
            .OrderBy(f => f.DisplayOrder)
            .Select(f => new FeatureInfo(f.Key, f.Name, f.Description, f.NameZh, f.DescriptionZh))
            .ToListAsync(cancellationToken);
        var sources = await db.PlatformSources
            .AsNoTracking()
            .OrderBy(s => s.PlatformId).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);
        return new CatalogSnapshot([.. platforms.Select(PlatformSummary.From)], features) { SourceTitles = SourceTitles.From(sources) };
    }
}

/// <summary>The whole catalog as read-only summaries, plus the feature list the filters offer.</summary>
public sealed record CatalogSnapshot(IReadOnlyList<PlatformSummary> Platforms, IReadOnlyList<FeatureInfo> Features)
{
    public IReadOnlySet<string> FeatureKeys { get; } = Features.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>The Chinese titles of cited documents, from every platform's source list.</summary>
    public SourceTitles SourceTitles { get; init; } = SourceTitles.Empty;
}

public sealed record FeatureInfo(string Key, string Name, string? Description, string? NameZh = null, string? DescriptionZh = null);
