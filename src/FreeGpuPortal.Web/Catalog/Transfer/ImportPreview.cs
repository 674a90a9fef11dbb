namespace FreeGpuPortal.Web.Catalog.Transfer;

/// <summary>What an import would do, before anything is applied. <see cref="Problems"/> block applying.</summary>
public sealed record ImportPreview(IReadOnlyList<string> Problems, IReadOnlyList<PlatformImportPreview> Platforms)
{
    public bool CanApply => Problems.Count == 0 && Platforms.All(p => p.Errors.Count == 0);

    public int ChangeCount => Platforms.Count(p => p.Kind != PlatformImportKind.Unchanged) + References.Count;

    /// <summary>The features and GPU models the import changes (only those it changes).</summary>
    public IReadOnlyList<ReferenceImportPreview> References { get; init; } = [];
}
