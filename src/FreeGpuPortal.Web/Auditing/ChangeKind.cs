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
}
