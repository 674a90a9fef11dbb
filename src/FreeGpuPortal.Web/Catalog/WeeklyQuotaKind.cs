namespace FreeGpuPortal.Web.Catalog;

public enum WeeklyQuotaKind
{
    Unknown,
    /// <summary>A weekly cap in GPU hours (see <see cref="Platform.WeeklyGpuHours"/>).</summary>
    Limited,
    /// <summary>No weekly cap: counts as unlimited when filtering and sorting.</summary>
    NoQuota,
}
