using FreeGpuPortal.Web.Catalog.Editing;

namespace FreeGpuPortal.Web.Catalog.Transfer;

// What an import would do and what it did: the preview, per platform and reference, and the result.

/// <summary>What an import would do, before anything is applied. <see cref="Problems"/> block applying.</summary>
public sealed record ImportPreview(IReadOnlyList<string> Problems, IReadOnlyList<PlatformImportPreview> Platforms)
{
    public bool CanApply => Problems.Count == 0 && Platforms.All(p => p.Errors.Count == 0);

    public int ChangeCount => Platforms.Count(p => p.Kind != PlatformImportKind.Unchanged) + References.Count;

    /// <summary>The features and GPU models the import changes (only those it changes).</summary>
    public IReadOnlyList<ReferenceImportPreview> References { get; init; } = [];
}

public sealed record PlatformImportPreview(
    string Slug, string Name, PlatformImportKind Kind, IReadOnlyList<FieldDifference> Differences, IReadOnlyDictionary<string, string[]> Errors);

public enum PlatformImportKind
{
    New,
    Changed,
    Unchanged,
}

/// <summary>A feature or GPU model whose texts or facts an import changes, with what it changes.</summary>
public sealed record ReferenceImportPreview(ReferenceTable Table, string Key, string Name, IReadOnlyList<FieldDifference> Differences);

/// <summary>
/// One field an import would change: its English label and texts (for scripts and logs), and the typed JSON of both
/// values, which the import page shows in the page's language as the history does.
/// </summary>
public sealed record FieldDifference(string Field, string Label, string Current, string Imported, string? CurrentJson = null, string? ImportedJson = null);

public sealed record ImportResult(ImportPreview Preview, IReadOnlyList<EditResult> Results)
{
    /// <summary>How many features and GPU models the import changed.</summary>
    public int ReferenceChanges { get; init; }

    public bool Succeeded => Preview.CanApply && Results.All(r => r is EditResult.Success or EditResult.NoChanges);
}
