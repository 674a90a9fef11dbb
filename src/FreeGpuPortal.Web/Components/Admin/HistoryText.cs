using System.Globalization;

using FreeGpuPortal.Web.Auditing;

using Microsoft.Extensions.Localization;

namespace FreeGpuPortal.Web.Components.Admin;

/// <summary>How history entries read, on the admin pages and on the public platform page alike.</summary>
public static class HistoryText
{
    public static string Kind(ChangeKind kind, IStringLocalizer l) => kind switch
    {
        ChangeKind.Create => l["History.Kind.Create"],
        ChangeKind.Edit => l["History.Kind.Edit"],
        ChangeKind.Retire => l["History.Kind.Retire"],
        ChangeKind.Restore => l["History.Kind.Restore"],
        ChangeKind.Verify => l["History.Kind.Verify"],
        ChangeKind.Revert => l["History.Kind.Revert"],
        ChangeKind.Seed => l["History.Kind.Seed"],
        ChangeKind.Delete => l["History.Kind.Delete"],
        _ => kind.ToString(),
    };

    /// <summary>A UTC time for people, e.g. "2026-05-04 09:30 UTC".</summary>
    public static string Time(DateTime atUtc) => atUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The same time for a <c>&lt;time datetime&gt;</c> attribute.</summary>
    public static string IsoTime(DateTime atUtc) => DateTime.SpecifyKind(atUtc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
