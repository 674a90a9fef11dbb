using System.Text.Json;

using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Data;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FreeGpuPortal.Web.Catalog.Transfer;

/// <summary>
/// Exports the catalog, sources included, and imports such a file: validated, shown as a diff, then applied platform by
/// platform through <see cref="CatalogEditor"/>, so every imported change is an audited change with its own history
/// entry. GPU models and features are reference data: an import may use those this catalog has, and says which are
/// missing rather than inventing them; it changes their texts and facts (<see cref="ReferenceImport"/>), recorded in
/// the history of every platform whose page shows them.
/// </summary>
public sealed class CatalogTransfer(
    IDbContextFactory<CatalogDbContext> contexts, CatalogEditor editor, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
{
    public const int MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>Indented, with Chinese and other non-ASCII text written as itself, so a maintainer can read the file.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(EditJson.Options)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public async Task<CatalogFile> ExportAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var gpuModels = await db.GpuModels.AsNoTracking().OrderBy(g => g.Slug)
            .ToListAsync(cancellationToken);
        var features = await db.Features.AsNoTracking().OrderBy(f => f.DisplayOrder)
            .ToListAsync(cancellationToken);
        var slugs = await db.Platforms.AsNoTracking().OrderBy(p => p.Slug).Select(p => p.Slug).ToListAsync(cancellationToken);

        var platforms = new List<PlatformEditModel>();
        foreach (var slug in slugs)
        {
            var model = await editor.GetForEditAsync(slug, cancellationToken);
            if (model is not null)
            {
                // Ids and stamps belong to this instance; the slug identifies a platform across instances.
                model.Id = 0;
                model.ConcurrencyStamp = Guid.Empty;
                platforms.Add(model);
            }
        }

        return new CatalogFile(
            CatalogFile.CurrentFormatVersion, clock.GetUtcNow(),
            [.. gpuModels.Select(ReferenceImport.EntryOf)], [.. features.Select(ReferenceImport.EntryOf)], platforms);
    }

    public static string Serialize(CatalogFile file) => JsonSerializer.Serialize(file, JsonOptions);

    /// <summary>
    /// What applying <paramref name="json"/> with <paramref name="evidence"/> would do. Like any edit, an import that
    /// changes a value needs evidence (a URL, or a note on how the values were verified); the changed values then cite
    /// it, unless the file gives them a source of their own.
    /// </summary>
    public async Task<ImportPreview> PreviewAsync(string json, ChangeEvidence? evidence = null, CancellationToken cancellationToken = default)
    {
        var (file, problem) = Read(json);
        if (file is null)
        {
            return new ImportPreview([problem!], []);
        }

        var problems = new List<string>();
        var duplicates = file.Platforms.GroupBy(p => p.Slug, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            problems.Add(localizer["Transfer.Error.ListedTwice", localizer["Transfer.Entries.Platforms"], string.Join(", ", duplicates)]);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var knownGpus = await db.GpuModels.Select(g => g.Slug).ToHashSetAsync(cancellationToken);
        var knownFeatures = await db.Features.Select(f => f.Key).ToHashSetAsync(cancellationToken);
        var missingGpus = file.Platforms.SelectMany(p => p.Gpus).Select(g => g.GpuModelSlug).Where(s => !knownGpus.Contains(s)).Distinct().ToList();
        var missingFeatures = file.Platforms.SelectMany(p => p.Features).Select(f => f.Key).Where(k => !knownFeatures.Contains(k)).Distinct().ToList();
        if (missingGpus.Count > 0)
        {
            problems.Add(localizer["Transfer.Error.MissingGpuModels", string.Join(", ", missingGpus)]);
        }

        if (missingFeatures.Count > 0)
        {
            problems.Add(localizer["Transfer.Error.MissingFeatures", string.Join(", ", missingFeatures)]);
        }

        var references = await ReferencePreviewsAsync(db, file, problems, cancellationToken);
        var previews = new List<PlatformImportPreview>();
        foreach (var imported in file.Platforms)
        {
            var current = await editor.GetForEditAsync(imported.Slug, cancellationToken);
            var context = await editor.GetValidationContextAsync(current?.Id ?? 0, cancellationToken);
            var candidate = Prepare(imported, current);
            var errors = PlatformEditValidator.Validate(candidate, PlatformEditMapping.Trimmed(evidence), context, localizer);
            if (current is null)
            {
                previews.Add(new PlatformImportPreview(imported.Slug, imported.Name, PlatformImportKind.New, [], errors));
                continue;
            }

            var differences = PlatformField.Changed(PlatformEditMapping.Canonical(current), PlatformEditMapping.Canonical(candidate))
                .Select(f => new FieldDifference(f.Name, f.Label, f.Display(current), f.Display(candidate), f.Json(current), f.Json(candidate)))
                .ToList();
            previews.Add(new PlatformImportPreview(
                imported.Slug, imported.Name, differences.Count == 0 ? PlatformImportKind.Unchanged : PlatformImportKind.Changed, differences, errors));
        }

        var needEvidence = previews.Where(p => p.Errors.ContainsKey("Evidence.EvidenceUrl")).Select(p => p.Name).ToList();
        if (needEvidence.Count > 0)
        {
            problems.Add(localizer["Transfer.Error.NeedsEvidence", string.Join(", ", needEvidence)]);
        }

        if (references.Count > 0 && string.IsNullOrWhiteSpace(evidence?.EvidenceUrl) && string.IsNullOrWhiteSpace(evidence?.Note))
        {
            problems.Add(localizer["Transfer.Error.ReferencesNeedEvidence", string.Join(", ", references.Select(r => r.Name))]);
        }

        return new ImportPreview(problems, previews) { References = references };
    }

    /// <summary>The features and GPU models of this catalog whose texts or facts the file changes; their problems go to <paramref name="problems"/>.</summary>
    private async Task<List<ReferenceImportPreview>> ReferencePreviewsAsync(
        CatalogDbContext db, CatalogFile file, List<string> problems, CancellationToken cancellationToken)
    {
        var previews = new List<ReferenceImportPreview>();
        var features = await db.Features.AsNoTracking().OrderBy(f => f.DisplayOrder).ToListAsync(cancellationToken);
        var importedFeatures = Distinct(file.Features ?? [], f => f.Key, localizer["Transfer.Entries.Features"], problems);
        foreach (var feature in features)
        {
            if (importedFeatures.GetValueOrDefault(feature.Key) is { } imported)
            {
                var normalized = ReferenceImport.Normalized(imported);
                problems.AddRange(ReferenceImport.Problems(normalized, localizer));
                var changes = ReferenceImport.Changes(ReferenceImport.EntryOf(feature), normalized);
                if (changes.Count > 0)
                {
                    previews.Add(new ReferenceImportPreview(ReferenceTable.Feature, feature.Key, feature.Name, [.. changes.Select(c => c.ToDifference())]));
                }
            }
        }

        var models = await db.GpuModels.AsNoTracking().OrderBy(g => g.Slug).ToListAsync(cancellationToken);
        var importedModels = Distinct(file.GpuModels ?? [], g => g.Slug, localizer["Transfer.Entries.GpuModels"], problems);
        foreach (var model in models)
        {
            if (importedModels.GetValueOrDefault(model.Slug) is { } imported)
            {
                var normalized = ReferenceImport.Normalized(imported);
                problems.AddRange(ReferenceImport.Problems(normalized, localizer, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
                var changes = ReferenceImport.Changes(ReferenceImport.EntryOf(model), normalized);
                if (changes.Count > 0)
                {
                    previews.Add(new ReferenceImportPreview(ReferenceTable.GpuModel, model.Slug, model.Name, [.. changes.Select(c => c.ToDifference())]));
                }
            }
        }

        return previews;
    }

    /// <summary>The entries by key, the first of each; keys listed twice go to <paramref name="problems"/>, the entries named <paramref name="what"/>.</summary>
    private Dictionary<string, T> Distinct<T>(IReadOnlyList<T> entries, Func<T, string> key, string what, List<string> problems)
    {
        var duplicates = entries.GroupBy(key, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            problems.Add(localizer["Transfer.Error.ListedTwice", what, string.Join(", ", duplicates)]);
        }

        return entries.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Applies the file's feature and GPU model changes in one save, with one history entry per platform whose page
    /// shows a changed entry: every platform for a feature (each page lists every feature), the platforms offering it
    /// for a GPU model. Each changed GPU model also gets an entry in its own history, as its admin form writes.
    /// </summary>
    private async Task<int> ApplyReferencesAsync(CatalogFile file, Actor actor, ChangeEvidence evidence, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var platforms = await db.Platforms.Include(p => p.Gpus).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var fields = platforms.ToDictionary(p => p.Id, _ => new List<ReferenceChange>());
        var changed = 0;

        var importedFeatures = Distinct(file.Features ?? [], f => f.Key, "features", []);
        foreach (var feature in await db.Features.OrderBy(f => f.DisplayOrder).ToListAsync(cancellationToken))
        {
            if (importedFeatures.GetValueOrDefault(feature.Key) is { } imported
                && ReferenceImport.Normalized(imported) is var normalized
                && ReferenceImport.Changes(ReferenceImport.EntryOf(feature), normalized) is { Count: > 0 } changes)
            {
                ReferenceImport.Apply(feature, normalized);
                platforms.ForEach(p => fields[p.Id].AddRange(changes));
                changed++;
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var importedModels = Distinct(file.GpuModels ?? [], g => g.Slug, "GPU models", []);
        foreach (var model in await db.GpuModels.OrderBy(g => g.Slug).ToListAsync(cancellationToken))
        {
            if (importedModels.GetValueOrDefault(model.Slug) is { } imported
                && ReferenceImport.Normalized(imported) is var normalized
                && ReferenceImport.Changes(ReferenceImport.EntryOf(model), normalized) is { Count: > 0 } changes)
            {
                ReferenceImport.Apply(model, normalized);
                model.ConcurrencyStamp = Guid.NewGuid();
                db.CatalogChanges.Add(HistoryWriter.ForGpuModel(model, ChangeKind.Edit, actor, evidence, now, changes));
                platforms.Where(p => p.Gpus.Any(g => g.GpuModelId == model.Id)).ToList().ForEach(p => fields[p.Id].AddRange(changes));
                changed++;
            }
        }

        if (changed == 0)
        {
            return 0;
        }

        foreach (var platform in platforms.Where(p => fields[p.Id].Count > 0))
        {
            db.CatalogChanges.Add(HistoryWriter.ForPlatform(platform, ChangeKind.Edit, actor, evidence, now, fields[platform.Id]));
        }

        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }

    /// <summary>Applies a file that previews without problems; each new or changed platform becomes one audited change.</summary>
    public async Task<ImportResult> ApplyAsync(string json, Actor actor, ChangeEvidence? evidence, CancellationToken cancellationToken = default)
    {
        var preview = await PreviewAsync(json, evidence, cancellationToken);
        if (!preview.CanApply)
        {
            return new ImportResult(preview, []);
        }

        var file = Read(json).File!;
        var importEvidence = ImportEvidence(PlatformEditMapping.Trimmed(evidence));
        var referenceChanges = 0;
        if (preview.References.Count > 0
            && await editor.GuardedWriteAsync(async () => referenceChanges = await ApplyReferencesAsync(file, actor, importEvidence, cancellationToken))
                is { } unavailable)
        {
            // Nothing was written (one save for all feature and GPU model texts): no platform is applied either, so
            // the same file applies whole once the storage takes writes again.
            return new ImportResult(preview, [unavailable]);
        }

        var results = new List<EditResult>();
        foreach (var entry in preview.Platforms.Where(p => p.Kind != PlatformImportKind.Unchanged))
        {
            var imported = file.Platforms.Single(p => p.Slug == entry.Slug);
            var current = await editor.GetForEditAsync(entry.Slug, cancellationToken);
            var request = new PlatformChangeRequest(Prepare(imported, current), importEvidence, actor);
            results.Add(current is null
                ? await editor.CreateAsync(request, cancellationToken)
                : await editor.UpdateAsync(request, cancellationToken));
        }

        return new ImportResult(preview, results) { ReferenceChanges = referenceChanges };
    }

    /// <summary>The admin's evidence, with the history note saying the change came from a catalog file.</summary>
    private static ChangeEvidence ImportEvidence(ChangeEvidence evidence) => new()
    {
        EvidenceUrl = evidence.EvidenceUrl,
        Title = evidence.Title,
        AsOf = evidence.AsOf,
        Note = evidence.Note is null ? "Imported from a catalog file." : $"Imported from a catalog file: {evidence.Note}",
    };

    /// <summary>The imported values, aimed at this instance's row (its id and current stamp) when the platform exists.</summary>
    private static PlatformEditModel Prepare(PlatformEditModel imported, PlatformEditModel? current)
    {
        var copy = JsonSerializer.Deserialize<PlatformEditModel>(JsonSerializer.Serialize(imported, EditJson.Options), EditJson.Options)!;
        copy.Id = current?.Id ?? 0;
        copy.ConcurrencyStamp = current?.ConcurrencyStamp ?? Guid.Empty;
        return copy;
    }

    private (CatalogFile? File, string? Problem) Read(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return (null, localizer["Transfer.Error.Empty"]);
        }

        if (System.Text.Encoding.UTF8.GetByteCount(json) > MaxFileBytes)
        {
            return (null, localizer["Transfer.Error.TooLarge", MaxFileBytes / (1024 * 1024)]);
        }

        try
        {
            var file = JsonSerializer.Deserialize<CatalogFile>(json, JsonOptions);
            if (file is null || file.Platforms is null)
            {
                return (null, localizer["Transfer.Error.NoCatalog"]);
            }

            return file.FormatVersion != CatalogFile.CurrentFormatVersion
                ? (null, localizer["Transfer.Error.FormatVersion", file.FormatVersion, CatalogFile.CurrentFormatVersion])
                : (file, null);
        }
        catch (JsonException exception)
        {
            // The parser's own reason stays as it says it (English): it names the JSON problem exactly.
            var reason = exception.Message.Split('.')[0];
            return (null, exception.LineNumber is { } line
                ? localizer["Transfer.Error.NotJsonAt", line + 1, (exception.BytePositionInLine ?? 0) + 1, reason]
                : localizer["Transfer.Error.NotJson", reason]);
        }
    }
}
