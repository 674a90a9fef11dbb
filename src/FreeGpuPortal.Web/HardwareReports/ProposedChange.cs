namespace FreeGpuPortal.Web.HardwareReports;

/// <summary>
/// One change of the platform's specs a report supports, for the admin to pick: <see cref="Key"/> names it
/// (<c>RamGb</c>, <c>CpuCount</c>, <c>CpuModel</c> or <c>Gpu:{model slug}</c>), the values are display text
/// (<see cref="Current"/> null when the catalog does not state it).
/// </summary>
public sealed record ProposedChange(string Key, string Field, string? Current, string Proposed);
