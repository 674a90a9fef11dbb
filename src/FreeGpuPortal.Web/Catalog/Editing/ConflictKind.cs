namespace FreeGpuPortal.Web.Catalog.Editing;

/// <summary>How one field of a concurrent edit compares: see <see cref="PlatformConflict"/>.</summary>
public enum ConflictKind
{
    /// <summary>Both versions hold the same value: nothing to decide.</summary>
    Same,

    /// <summary>Only the other admin changed it: the saved value is taken, nothing of this admin's is lost.</summary>
    TookSaved,

    /// <summary>Both changed it differently: the admin must choose, next to the field, before the form saves.</summary>
    Both,
}
