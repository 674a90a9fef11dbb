using FreeGpuPortal.Web.Catalog.Editing;

namespace FreeGpuPortal.Web.Suggestions;

/// <summary>
/// A value visitors can suggest a correction for. <see cref="Key"/> is its name in URLs
/// (<c>/platforms/{slug}/suggest?field=maxSessionHours</c>), the camel-case form of <see cref="Name"/>, which is the
/// edit model's property name that history and the admin form use. Its rule (bounds, unit, whole numbers) is the
/// admin form's own.
/// </summary>
public sealed record SuggestableField(string Key, string Name, string LabelKey, string UnitKey, PlatformEditValidator.SpecRule Rule)
{
    /// <summary>The weekly quota can also be "no quota" (unlimited), not only a number of hours.</summary>
    public bool IsWeeklyQuota => Name == nameof(PlatformEditModel.WeeklyGpuHours);

    /// <summary>The query parameter that names the field.</summary>
    public const string QueryName = "field";

    public static IReadOnlyList<SuggestableField> All { get; } =
    [
        Of(nameof(PlatformEditModel.CpuCount), "Suggest.Field.CpuCount", "Unit.Cpus"),
        Of(nameof(PlatformEditModel.RamGb), "Suggest.Field.RamGb", "Unit.Gigabytes"),
        Of(nameof(PlatformEditModel.StorageGb), "Suggest.Field.StorageGb", "Unit.Gigabytes"),
        Of(nameof(PlatformEditModel.MaxSessionHours), "Suggest.Field.MaxSessionHours", "Unit.Hours"),
        Of(nameof(PlatformEditModel.IdleTimeoutMinutes), "Suggest.Field.IdleTimeoutMinutes", "Unit.Minutes"),
        Of(nameof(PlatformEditModel.WeeklyGpuHours), "Suggest.Field.WeeklyGpuHours", "Unit.Hours"),
    ];

    /// <summary>The field a URL or form names, by its key or its property name, in any case; null when none.</summary>
    public static SuggestableField? Find(string? keyOrName) =>
        string.IsNullOrWhiteSpace(keyOrName)
            ? null
            : All.FirstOrDefault(f => string.Equals(f.Key, keyOrName.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The suggestion page of a platform's value, relative to the base URI.</summary>
    public static string SuggestPath(string platformSlug, string? fieldKey) =>
        $"platforms/{Uri.EscapeDataString(platformSlug)}/suggest" + (fieldKey is null ? "" : $"?{QueryName}={Uri.EscapeDataString(fieldKey)}");

    private static SuggestableField Of(string name, string labelKey, string unitKey) =>
        new(char.ToLowerInvariant(name[0]) + name[1..], name, labelKey, unitKey, PlatformEditValidator.FindSpecRule(name)!);
}
