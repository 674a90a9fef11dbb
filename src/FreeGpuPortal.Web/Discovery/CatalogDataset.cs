using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Data;
using FreeGpuPortal.Web.LinkChecking;

using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.Discovery;

// The dataset description, and the facts about the catalog it states.

/// <summary>
/// The catalog as a schema.org <c>Dataset</c> (JSON-LD) for the home page: what it is, its JSON and CSV
/// distributions, the sources it is based on, and its dates. The facts are read once per catalog change.
/// </summary>
public sealed class CatalogDataset(IDbContextFactory<CatalogDbContext> contextFactory, CatalogChangeSignal changes)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        // Characters as UTF-8, but <, > and & escaped, so the JSON cannot end its <script> element early.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private readonly SemaphoreSlim _loadLock = new(1, 1);
    private volatile CachedFacts? _cached;

    private sealed record CachedFacts(long Generation, DatasetFacts Facts);

    public async ValueTask<DatasetFacts> FactsAsync(CancellationToken cancellationToken = default)
    {
        if (_cached is { } cached && cached.Generation == changes.Generation)
        {
            return cached.Facts;
        }

        await _loadLock.WaitAsync(cancellationToken);
        try
        {
            var generation = changes.Generation;
            if (_cached is { } loaded && loaded.Generation == generation)
            {
                return loaded.Facts;
            }

            var facts = await LoadAsync(cancellationToken);
            _cached = new CachedFacts(generation, facts);
            return facts;
        }
        finally
        {
            _loadLock.Release();
        }
    }

    private async Task<DatasetFacts> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var cited = await CitedLinks.ReadAsync(db, cancellationToken);
        var names = await db.Platforms.AsNoTracking().OrderBy(p => p.Name).Select(p => p.Name).ToListAsync(cancellationToken);
        var first = await db.CatalogChanges.AsNoTracking().MinAsync(c => (DateTime?)c.AtUtc, cancellationToken);
        var last = await db.CatalogChanges.AsNoTracking().MaxAsync(c => (DateTime?)c.AtUtc, cancellationToken);
        var platforms = await db.Platforms.AsNoTracking().ToListAsync(cancellationToken);
        var dates = platforms.SelectMany(p => Specs.All.Select(s => s.OnEntity(p).AsOf)).OfType<DateOnly>().ToList();
        return new DatasetFacts(
            names, [.. cited.ByPlatforms.Keys.Order(StringComparer.Ordinal)], ToUtc(first), ToUtc(last),
            dates.Count > 0 ? dates.Min() : null, dates.Count > 0 ? dates.Max() : null);
    }

    private static DateTime? ToUtc(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;

    /// <summary>The JSON-LD text for a <c>&lt;script type="application/ld+json"&gt;</c> element.</summary>
    public static string JsonLd(DatasetFacts facts, string baseUrl, string name, string description)
    {
        var dataset = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Dataset",
            ["name"] = name,
            ["description"] = description,
            ["url"] = baseUrl,
            ["isAccessibleForFree"] = true,
            ["keywords"] = new JsonArray("free GPU", "deep learning", "machine learning", "GPU quota", "Jupyter notebooks"),
            ["creator"] = new JsonObject { ["@type"] = "Organization", ["name"] = name, ["url"] = baseUrl },
            ["about"] = new JsonArray([.. facts.PlatformNames.Select(n => (JsonNode)new JsonObject { ["@type"] = "Thing", ["name"] = n })]),
            ["isBasedOn"] = new JsonArray([.. facts.SourceUrls.Select(u => (JsonNode)JsonValue.Create(u))]),
            ["distribution"] = new JsonArray(
                new JsonObject
                {
                    ["@type"] = "DataDownload",
                    ["encodingFormat"] = "application/json",
                    ["contentUrl"] = baseUrl + "api/v1/platforms",
                },
                new JsonObject
                {
                    ["@type"] = "DataDownload",
                    ["encodingFormat"] = "text/csv",
                    ["contentUrl"] = baseUrl + "api/v1/platforms.csv",
                }),
        };
        if (facts.FirstChangeUtc is { } first)
        {
            dataset["datePublished"] = Date(first);
        }

        if (facts.LastChangeUtc is { } last)
        {
            dataset["dateModified"] = Date(last);
        }

        if (facts is { EarliestAsOf: { } from, LatestAsOf: { } to })
        {
            // The period the values describe: their as-of dates.
            dataset["temporalCoverage"] = $"{from:yyyy-MM-dd}/{to:yyyy-MM-dd}";
        }

        return dataset.ToJsonString(JsonOptions);
    }

    private static string Date(DateTime utc) => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>What the dataset description states about the catalog, independent of the address it is served at.</summary>
public sealed record DatasetFacts(
    IReadOnlyList<string> PlatformNames, IReadOnlyList<string> SourceUrls, DateTime? FirstChangeUtc, DateTime? LastChangeUtc,
    DateOnly? EarliestAsOf, DateOnly? LatestAsOf);
