using System.Text.Json;
using System.Text.Json.Serialization;

using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Data;

using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.Catalog;

/// <summary>
/// Inserts the seed catalog's GPU models, features and platforms that are missing, matched by their natural keys.
/// Rows that exist are left alone, so restarting never duplicates anything or overwrites an admin's later edit.
/// Each platform seeded gets one <see cref="ChangeKind.Seed"/> history entry by the system actor, citing the article.
/// </summary>
public sealed class CatalogSeeder(
    IDbContextFactory<CatalogDbContext> contextFactory, TimeProvider timeProvider, ILogger<CatalogSeeder> logger)
{
    public const string SeedNote = "Seeded from the article";
    public const string BaselineNote = "History began: the platform's values as found in the catalog";

    public static readonly string DefaultSeedFile = Path.Combine(AppContext.BaseDirectory, "Catalog", "Seed", "catalog-seed.json");

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static SeedCatalog Load(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<SeedCatalog>(stream, JsonOptions)
            ?? throw new InvalidDataException($"The seed file {path} is empty.");
    }

    public async Task SeedAsync(string? seedFile = null, CancellationToken cancellationToken = default)
    {
        var seed = Load(seedFile ?? DefaultSeedFile);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);

        var featuresByKey = await db.Features.ToDictionaryAsync(f => f.Key, cancellationToken);
        var order = 0;
        foreach (var feature in seed.Features)
        {
            order++;
            if (!featuresByKey.ContainsKey(feature.Key))
            {
                var entity = new Feature { Key = feature.Key, Name = feature.Name, Description = feature.Description, DisplayOrder = order };
                db.Features.Add(entity);
                featuresByKey[feature.Key] = entity;
            }
        }

        var gpusBySlug = await db.GpuModels.ToDictionaryAsync(g => g.Slug, cancellationToken);
        foreach (var gpu in seed.GpuModels)
        {
            if (!gpusBySlug.ContainsKey(gpu.Slug))
            {
                var source = seed.Source(gpu.Source);
                var entity = new GpuModel
                {
                    Slug = gpu.Slug,
                    Name = gpu.Name,
                    Vendor = gpu.Vendor,
                    Architecture = gpu.Architecture,
                    MemoryGb = gpu.MemoryGb,
                    MemoryType = gpu.MemoryType,
                    Note = gpu.Note,
                    SourceUrl = source?.Url,
                    SourceTitle = source?.Title,
                };
                db.GpuModels.Add(entity);
                gpusBySlug[gpu.Slug] = entity;
            }
        }

        var existingSlugs = await db.Platforms.Select(p => p.Slug).ToHashSetAsync(cancellationToken);
        var added = 0;
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var article = seed.Source(SeedCatalog.ArticleKey);
        foreach (var platform in seed.Platforms.Where(p => !existingSlugs.Contains(p.Slug)))
        {
            var entity = ToEntity(platform, seed, featuresByKey, gpusBySlug);
            db.Platforms.Add(entity);
            db.CatalogChanges.Add(HistoryEntry(entity, SeedNote, article?.Url, now));
            added++;
        }

        // A catalog from before history was kept: record each platform's values once, so every platform has a
        // history to revert to and a stamp that conflict detection can place.
        var withoutHistory = await db.Platforms
            .AsSplitQuery()
            .Include(p => p.Gpus).ThenInclude(g => g.GpuModel)
            .Include(p => p.Features).ThenInclude(f => f.Feature)
            .Include(p => p.Sources)
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

    private static CatalogChange HistoryEntry(Platform platform, string note, string? evidenceUrl, DateTime now)
    {
        var values = PlatformEditModel.From(platform);
        var change = CatalogEditor.NewChange(
            platform, ChangeKind.Seed, Actor.System, new ChangeEvidence { EvidenceUrl = evidenceUrl, Note = note }, now);
        var empty = new PlatformEditModel();
        change.Fields = [.. PlatformField.Changed(empty, values).Select(field => new CatalogFieldChange
        {
            Field = field.Name,
            NewJson = field.Json(values),
            NewDisplay = field.Display(values),
        })];
        return change;
    }

    private static Platform ToEntity(
        SeedPlatform seed,
        SeedCatalog catalog,
        Dictionary<string, Feature> featuresByKey,
        Dictionary<string, GpuModel> gpusBySlug)
    {
        var article = catalog.Source(SeedCatalog.ArticleKey)!;
        SpecValue Spec(SeedSpec? spec) => spec is null
            ? SpecValue.Unknown()
            : new SpecValue { Min = spec.Min, Max = spec.Max, Note = spec.Note, SourceUrl = article.Url, SourceTitle = article.Title };

        var quota = seed.WeeklyQuota ?? new SeedWeeklyQuota(WeeklyQuotaKind.Unknown, null, null, null);
        var quotaHours = Spec(quota.Hours);
        if (quota.Kind != WeeklyQuotaKind.Unknown)
        {
            quotaHours.Note ??= quota.Note;
            quotaHours.SourceUrl = article.Url;
            quotaHours.SourceTitle = article.Title;
        }

        var sources = new List<PlatformSource> { new() { Url = article.Url!, Title = article.Title } };
        sources.AddRange(seed.Sources.Select(s => new PlatformSource { Url = s.Url!, Title = s.Title }));

        return new Platform
        {
            Slug = seed.Slug,
            Name = seed.Name,
            Vendor = seed.Vendor,
            Summary = seed.Summary,
            Website = seed.Website,
            GpuAvailabilityNote = seed.GpuAvailabilityNote,
            CpuCount = Spec(seed.CpuCount),
            CpuModel = seed.CpuModel,
            RamGb = Spec(seed.RamGb),
            StorageGb = Spec(seed.StorageGb),
            StorageNote = seed.StorageNote,
            MaxSessionHours = Spec(seed.MaxSessionHours),
            IdleTimeoutMinutes = Spec(seed.IdleTimeoutMinutes),
            WeeklyQuotaKind = quota.Kind,
            WeeklyGpuHours = quotaHours,
            WeeklyQuotaResetRule = quota.ResetRule,
            Pros = [.. seed.Pros],
            Cons = [.. seed.Cons],
            GettingStarted = [.. seed.GettingStarted],
            Gpus = [.. seed.Gpus.Select(g => new PlatformGpu
            {
                GpuModel = gpusBySlug.TryGetValue(g.Model, out var model)
                    ? model
                    : throw new InvalidDataException($"Platform {seed.Slug} names unknown GPU model {g.Model}."),
                GpusPerSession = g.PerSession,
                Note = g.Note,
                SourceUrl = article.Url,
                SourceTitle = article.Title,
            })],
            Features = [.. seed.Features.Select(f => new PlatformFeature
            {
                Feature = featuresByKey.TryGetValue(f.Key, out var feature)
                    ? feature
                    : throw new InvalidDataException($"Platform {seed.Slug} names unknown feature {f.Key}."),
                Available = f.Available,
                Note = f.Note,
                SourceUrl = article.Url,
                SourceTitle = article.Title,
            })],
            Sources = sources,
        };
    }
}

public sealed record SeedCatalog(
    Dictionary<string, SeedSource> Sources,
    List<SeedFeature> Features,
    List<SeedGpuModel> GpuModels,
    List<SeedPlatform> Platforms)
{
    public const string ArticleKey = "article";

    public SeedSource? Source(string? key) => key is not null && Sources.TryGetValue(key, out var source) ? source : null;
}

public sealed record SeedSource(string? Url, string Title);

public sealed record SeedFeature(string Key, string Name, string? Description);

public sealed record SeedGpuModel(
    string Slug, string Name, string? Vendor, string? Architecture, double? MemoryGb, string? MemoryType, string? Note, string? Source);

public sealed record SeedSpec(double? Min, double? Max, string? Note);

public sealed record SeedWeeklyQuota(WeeklyQuotaKind Kind, SeedSpec? Hours, string? ResetRule, string? Note);

public sealed record SeedPlatformGpu(string Model, int? PerSession, string? Note);

public sealed record SeedPlatformFeature(string Key, bool Available, string? Note);

public sealed record SeedPlatform(
    string Slug,
    string Name,
    string? Vendor,
    string? Summary,
    string? Website,
    string? GpuAvailabilityNote,
    List<SeedPlatformGpu> Gpus,
    SeedSpec? CpuCount,
    string? CpuModel,
    SeedSpec? RamGb,
    SeedSpec? StorageGb,
    string? StorageNote,
    SeedSpec? MaxSessionHours,
    SeedSpec? IdleTimeoutMinutes,
    SeedWeeklyQuota? WeeklyQuota,
    List<SeedPlatformFeature> Features,
    List<string> Pros,
    List<string> Cons,
    List<string> GettingStarted,
    List<SeedSource> Sources);
