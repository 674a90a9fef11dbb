using FreeGpuPortal.Web.Catalog.Editing;

namespace FreeGpuPortal.Web.Catalog.Transfer;

public sealed record ImportResult(ImportPreview Preview, IReadOnlyList<EditResult> Results)
{
    /// <summary>How many features and GPU models the import changed.</summary>
    public int ReferenceChanges { get; init; }

    public bool Succeeded => Preview.CanApply && Results.All(r => r is EditResult.Success or EditResult.NoChanges);
}
