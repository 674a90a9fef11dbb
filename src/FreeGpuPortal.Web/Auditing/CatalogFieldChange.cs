namespace FreeGpuPortal.Web.Auditing;

/// <summary>
/// One field of a change. The values are kept twice: as JSON of the typed edit value, so a revert restores it exactly,
/// and as display text for people reading the history.
/// </summary>
public sealed class CatalogFieldChange
{
    public int Id { get; set; }
    public int ChangeId { get; set; }

    /// <summary>The edit model's property name, e.g. <c>IdleTimeoutMinutes</c>, <c>Gpus</c>, <c>Pros</c>.</summary>
    public required string Field { get; set; }

    /// <summary>JSON of the value before the change; null when the platform did not exist yet.</summary>
    public string? OldJson { get; set; }
    public string? NewJson { get; set; }
    public string? OldDisplay { get; set; }
    public string? NewDisplay { get; set; }
}
