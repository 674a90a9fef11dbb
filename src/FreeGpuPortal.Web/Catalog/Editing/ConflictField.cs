namespace FreeGpuPortal.Web.Catalog.Editing;

/// <summary>One field another admin changed while this admin edited: both values, and what this admin chose.</summary>
public sealed class ConflictField(PlatformField field, string savedJson, string mineJson, string savedDisplay, string mineDisplay, ConflictKind kind)
{
    public PlatformField Field { get; } = field;

    public string SavedJson { get; } = savedJson;

    public string MineJson { get; } = mineJson;

    public string SavedDisplay { get; } = savedDisplay;

    public string MineDisplay { get; } = mineDisplay;

    public ConflictKind Kind { get; } = kind;

    /// <summary>
    /// For <see cref="ConflictKind.Both"/>: null until the admin chooses, then true for the saved value, false for
    /// their own. The other kinds need no choice and use the saved value.
    /// </summary>
    public bool? UseSaved { get; internal set; } = kind == ConflictKind.Both ? null : true;

    /// <summary>Both changed it and the admin has not chosen yet: the form does not save.</summary>
    public bool NeedsChoice => Kind == ConflictKind.Both && UseSaved is null;
}
