using System.Text.Json;

using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Data;

using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.Catalog.Transfer;

/// <summary>
/// Exports the catalog, sources included, and imports such a file: validated, shown as a diff, then applied platform by
/// platform through <see cref="CatalogEditor"/>, so every imported change is an audited change with its own history
/// entry. GPU models and features are reference data: an import may use those this catalog has, and says which are
/// missing rather than inventing them.
/// </summary>
public sealed class CatalogTransfer(IDbContextFactory<CatalogDbContext> contexts, CatalogEditor editor, TimeProvider clock)
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
            .Select(g => new GpuModelEntry(g.Slug, g.Name, g.Vendor, g.Architecture, g.MemoryGb, g.MemoryType, g.Note, g.SourceUrl, g.SourceTitle, g.NoteZh))
            .ToListAsync(cancellationToken);
        var features = await db.Features.AsNoTracking().OrderBy(f => f.DisplayOrder)
            .Select(f => new FeatureEntry(f.Key, f.Name, f.Description, f.NameZh, f.DescriptionZh))
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

        return new CatalogFile(CatalogFile.CurrentFormatVersion, clock.GetUtcNow(), gpuModels, features, platforms);
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
            problems.Add($"The file lists these platforms more than once: {string.Join(", ", duplicates)}.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var knownGpus = await db.GpuModels.Select(g => g.Slug).ToHashSetAsync(cancellationToken);
        var knownFeatures = await db.Features.Select(f => f.Key).ToHashSetAsync(cancellationToken);
        var missingGpus = file.Platforms.SelectMany(p => p.Gpus).Select(g => g.GpuModelSlug).Where(s => !knownGpus.Contains(s)).Distinct().ToList();
        var missingFeatures = file.Platforms.SelectMany(p => p.Features).Select(f => f.Key).Where(k => !knownFeatures.Contains(k)).Distinct().ToList();
        if (missingGpus.Count > 0)
        {
            problems.Add($"GPU models this catalog does not have: {string.Join(", ", missingGpus)}. Add them to the reference table first.");
        }

        if (missingFeatures.Count > 0)
        {
            problems.Add($"Features this catalog does not have: {string.Join(", ", missingFeatures)}.");
        }

        var previews = new List<PlatformImportPreview>();
        foreach (var imported in file.Platforms)
        {
            var current = await editor.GetForEditAsync(imported.Slug, cancellationToken);
            var context = await editor.GetValidationContextAsync(current?.Id ?? 0, cancellationToken);
            var candidate = Prepare(imported, current);
            var errors = PlatformEditValidator.Validate(candidate, PlatformEditMapping.Trimmed(evidence), context);
            if (current is null)
            {
                previews.Add(new PlatformImportPreview(imported.Slug, imported.Name, PlatformImportKind.New, [], errors));
                continue;
            }

            var differences = PlatformField.Changed(PlatformEditMapping.Canonical(current), PlatformEditMapping.Canonical(candidate))
                .Select(f => new FieldDifference(f.Name, f.Label, f.Display(current), f.Display(candidate)))
                .ToList();
            previews.Add(new PlatformImportPreview(
                imported.Slug, imported.Name, differences.Count == 0 ? PlatformImportKind.Unchanged : PlatformImportKind.Changed, differences, errors));
        }

        var needEvidence = previews.Where(p => p.Errors.ContainsKey("Evidence.EvidenceUrl")).Select(p => p.Name).ToList();
        if (needEvidence.Count > 0)
        {
            problems.Add(
                $"This import changes values of {string.Join(", ", needEvidence)}: like any edit, it needs evidence. "
                + "Give an evidence URL, or a note on how the new values were verified.");
        }

        return new ImportPreview(problems, previews);
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

        return new ImportResult(preview, results);
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

    private static (CatalogFile? File, string? Problem) Read(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return (null, "The file is empty.");
        }

        if (System.Text.Encoding.UTF8.GetByteCount(json) > MaxFileBytes)
        {
            return (null, $"The file is larger than {MaxFileBytes / (1024 * 1024)} MB.");
        }

        try
        {
            var file = JsonSerializer.Deserialize<CatalogFile>(json, JsonOptions);
            if (file is null || file.Platforms is null)
            {
                return (null, "The file holds no catalog: expected an object with \"platforms\".");
            }

            return file.FormatVersion != CatalogFile.CurrentFormatVersion
                ? (null, $"The file has format version {file.FormatVersion}; this portal reads version {CatalogFile.CurrentFormatVersion}.")
                : (file, null);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? $" (line {line + 1}, position {exception.BytePositionInLine + 1})" : "";
            return (null, $"The file is not valid catalog JSON{where}: {exception.Message.Split('.')[0]}.");
        }
    }
}
