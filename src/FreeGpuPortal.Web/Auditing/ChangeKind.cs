namespace FreeGpuPortal.Web.Auditing;

/// <summary>What kind of change a history entry records.</summary>
public enum ChangeKind
{
    Create,
    Edit,
    Retire,
    Restore,
    Verify,
    Revert,
    Seed,

    /// <summary>A GPU model no platform offered was removed from the reference list (platforms are retired instead).</summary>
    Delete,
}
