using System.Text.Json;

using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Catalog.Transfer;
using FreeGpuPortal.Web.Data;

using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.Catalog;

/// <summary>
/// Inserts the seed catalog's GPU models, features and platforms that are missing, matched by their natural keys.
/// The seed file is a catalog file in the export/import format (<see cref="CatalogFile"/>), so one format describes
/// the catalog everywhere. Rows that exist are left alone, so restarting never duplicates anything or overwrites an
/// admin's later edit. Each platform seeded gets one <see cref="ChangeKind.Seed"/> history entry by the system actor,
/// citing the platform's first source (for the seed, the article).
/// A catalog seeded before the seed carried Chinese gets the seed's Chinese where its own Chinese is still empty and
/// the English beside it still equals the seed's English, so a translation never lands beside text an admin has
/// changed since; each platform so filled gets one history entry listing the fields it gained.
/// </summary>
public sealed class CatalogSeeder(
    IDbContextFactory<CatalogDbContext> contextFactory, TimeProvider timeProvider, ILogger<CatalogSeeder> logger)
{
    public const string SeedNote = "Seeded from the article";
    public const string BaselineNote = "History began: the platform's values as found in the catalog";
    public const string ChineseNote = "Chinese text added from the seed";

    public static readonly string DefaultSeedFile = Path.Combine(AppContext.BaseDirectory, "Catalog", "Seed", "catalog-seed.json");

    public static CatalogFile Load(string path)
    {
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<CatalogFile>(stream, CatalogTransfer.JsonOptions)
            ?? throw new InvalidDataException($"The seed file {path} is empty.");
        return file.FormatVersion == CatalogFile.CurrentFormatVersion
            ? file
            : throw new InvalidDataException($"The seed file {path} has format version {file.FormatVersion}; expected {CatalogFile.CurrentFormatVersion}.");
    }

    public async Task SeedAsync(string? seedFile = null, CancellationToken cancellationToken = default)
    {
        var seed = Load(seedFile ?? DefaultSeedFile);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);

        var featuresByKey = await db.Features.ToDictionaryAsync(f => f.Key, StringComparer.Ordinal, cancellationToken);
        var order = 0;
        foreach (var feature in seed.Features)
        {
            order++;
            if (!featuresByKey.TryGetValue(feature.Key, out var existing))
            {
                var entity = new Feature
                {
                    Key = feature.Key,
                    Name = feature.Name,
                    NameZh = feature.NameZh,
                    Description = feature.Description,
                    DescriptionZh = feature.DescriptionZh,
                    DisplayOrder = order,
                };
                db.Features.Add(entity);
                featuresByKey[feature.Key] = entity;
            }
            else
            {
                existing.NameZh = SeedChinese.Fill(existing.NameZh, existing.Name, feature.Name, feature.NameZh);
                existing.DescriptionZh = SeedChinese.Fill(existing.DescriptionZh, existing.Description, feature.Description, feature.DescriptionZh);
            }
        }

        var gpusBySlug = await db.GpuModels.ToDictionaryAsync(g => g.Slug, StringComparer.Ordinal, cancellationToken);
        foreach (var gpu in seed.GpuModels)
        {
            if (gpusBySlug.TryGetValue(gpu.Slug, out var existing))
            {
                existing.NoteZh = SeedChinese.Fill(existing.NoteZh, existing.Note, gpu.Note, gpu.NoteZh);
                existing.SourceTitleZh = SeedChinese.Fill(existing.SourceTitleZh, existing.SourceTitle, gpu.SourceTitle, gpu.SourceTitleZh);
            }
            else
            {
                var entity = new GpuModel
                {
                    Slug = gpu.Slug,
                    Name = gpu.Name,
                    Vendor = gpu.Vendor,
                    Architecture = gpu.Architecture,
                    MemoryGb = gpu.MemoryGb,
                    MemoryType = gpu.MemoryType,
                    Note = gpu.Note,
                    NoteZh = gpu.NoteZh,
                    SourceUrl = gpu.SourceUrl,
                    SourceTitle = gpu.SourceTitle,
                    SourceTitleZh = gpu.SourceTitleZh,
                    SourceAsOf = gpu.SourceAsOf,
                    ConcurrencyStamp = Guid.NewGuid(),
                };
                db.GpuModels.Add(entity);
                gpusBySlug[gpu.Slug] = entity;
            }
        }

        var existingSlugs = await db.Platforms.Select(p => p.Slug).ToHashSetAsync(cancellationToken);
        var added = 0;
        var now = timeProvider.GetUtcNow().UtcDateTime;
        foreach (var model in seed.Platforms.Where(p => !existingSlugs.Contains(p.Slug)))
        {
            var entity = ToEntity(model, featuresByKey, gpusBySlug);
            db.Platforms.Add(entity);
            db.CatalogChanges.Add(HistoryEntry(entity, SeedNote, model.Sources.FirstOrDefault()?.Url, now));
            added++;
        }

        await BackfillChineseAsync(db, seed, featuresByKey, gpusBySlug, now, cancellationToken);

        // A catalog from before history was kept: record each platform's values once, so every platform has a
        // history to revert to and a stamp that conflict detection can place.
        var withoutHistory = await db.Platforms
            .Whole()
            .Where(p => !db.CatalogChanges.Any(c => c.PlatformId == p.Id))
            .ToListAsync(cancellationToken);
        foreach (var platform in withoutHistory)
        {
            db.CatalogChanges.Add(HistoryEntry(platform, BaselineNote, evidenceUrl: null, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        if (added > 0)
        {
            logger.LogInformation("Seeded {PlatformCount} platforms into the catalog", added);
        }
    }

    /// <summary>The seed's Chinese for the platforms that existed before this run, by the rule of <see cref="SeedChinese"/>.</summary>
    private static async Task BackfillChineseAsync(
        CatalogDbContext db, CatalogFile seed, Dictionary<string, Feature> featuresByKey, Dictionary<string, GpuModel> gpusBySlug,
        DateTime now, CancellationToken cancellationToken)
    {
        var seedBySlug = seed.Platforms.ToDictionary(p => p.Slug, StringComparer.Ordinal);
        var existing = await db.Platforms
            .Whole()
            .ToListAsync(cancellationToken);
        foreach (var platform in existing)
        {
            if (!seedBySlug.TryGetValue(platform.Slug, out var seedModel))
            {
                continue;
            }

            var before = PlatformEditModel.From(platform);
            var after = before.Clone();
            SeedChinese.Fill(after, seedModel);
            var fields = PlatformField.Changed(before, after);
            if (fields.Count == 0)
            {
                continue;
            }

            PlatformEditMapping.Apply(after, platform, gpusBySlug, featuresByKey);
            platform.ConcurrencyStamp = Guid.NewGuid();
            db.CatalogChanges.Add(HistoryWriter.ForPlatform(
                platform, ChangeKind.Seed, Actor.System, new ChangeEvidence { EvidenceUrl = seedModel.Sources.FirstOrDefault()?.Url, Note = ChineseNote },
                now, before, after, fields));
        }
    }

    /// <summary>A platform's first entry: every value it has, none before.</summary>
    private static CatalogChange HistoryEntry(Platform platform, string note, string? evidenceUrl, DateTime now) =>
        HistoryWriter.ForPlatform(
            platform, ChangeKind.Seed, Actor.System, new ChangeEvidence { EvidenceUrl = evidenceUrl, Note = note }, now,
            before: null, PlatformEditModel.From(platform));

    /// <summary>A new platform with the seed's values, through the same mapping every edit uses.</summary>
    private static Platform ToEntity(
        PlatformEditModel seed, Dictionary<string, Feature> featuresByKey, Dictionary<string, GpuModel> gpusBySlug)
    {
        foreach (var gpu in seed.Gpus.Where(g => !gpusBySlug.ContainsKey(g.GpuModelSlug)))
        {
            throw new InvalidDataException($"Platform {seed.Slug} names unknown GPU model {gpu.GpuModelSlug}.");
        }

        foreach (var feature in seed.Features.Where(f => !featuresByKey.ContainsKey(f.Key)))
        {
            throw new InvalidDataException($"Platform {seed.Slug} names unknown feature {feature.Key}.");
        }

        var platform = new Platform { Slug = seed.Slug, Name = seed.Name };
        PlatformEditMapping.Apply(seed, platform, gpusBySlug, featuresByKey);
        platform.ConcurrencyStamp = Guid.NewGuid();
        return platform;
    }
}
