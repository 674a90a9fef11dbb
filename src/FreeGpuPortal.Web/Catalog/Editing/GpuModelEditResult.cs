using FreeGpuPortal.Web.Operations;

namespace FreeGpuPortal.Web.Catalog.Editing;

/// <summary>What became of a GPU model's add, edit or delete. Exactly one of the nested cases; match on them.</summary>
public abstract record GpuModelEditResult
{
    private GpuModelEditResult()
    {
    }

    /// <summary>Saved, with one entry in the model's history (and one in each offering platform's).</summary>
    public sealed record Saved(string Slug, Guid ConcurrencyStamp, int ChangeId) : GpuModelEditResult;

    /// <summary>The form holds the saved values: nothing saved, no history entry.</summary>
    public sealed record NoChanges : GpuModelEditResult;

    /// <summary>Refused: messages keyed by <see cref="GpuModelEditModel"/>'s property (or <c>Evidence.EvidenceUrl</c>).</summary>
    public sealed record ValidationFailed(IReadOnlyDictionary<string, string[]> Errors) : GpuModelEditResult;

    /// <summary>Another admin saved the model since the form opened: the values saved now. Nothing saved.</summary>
    public sealed record ConcurrencyConflict(GpuModelEditModel Current) : GpuModelEditResult;

    /// <summary>A delete refused because platforms offer the model: their names, so the admin knows where to look.</summary>
    public sealed record InUse(IReadOnlyList<string> PlatformNames) : GpuModelEditResult;

    public sealed record NotFound : GpuModelEditResult;

    /// <summary>The database could not take the write; nothing of it was written.</summary>
    public sealed record StorageUnavailable(StorageProblem Problem) : GpuModelEditResult;
}
