using FreeGpuPortal.Web.Catalog;

namespace FreeGpuPortal.Web.Suggestions;

/// <summary>
/// A value visitors can suggest a correction for. <see cref="Key"/> is its name in URLs
/// (<c>/platforms/{slug}/suggest?field=maxSessionHours</c>), the camel-case form of <see cref="Name"/>, which is the
/// edit model's property name that history and the admin form use. Its rule (bounds, unit, whole numbers) is the
/// admin form's own.
/// </summary>
public sealed record SuggestableField(SpecDefinition Rule)
{
    public string Key => Rule.SuggestKey;

    public string Name => Rule.Name;

    public string LabelKey => Rule.SuggestLabelKey;

    public string UnitKey => Rule.UnitKey;

    /// <summary>The weekly quota can also be "no quota" (unlimited), not only a number of hours.</summary>
    public bool IsWeeklyQuota => Rule.Display == SpecDisplay.WeeklyQuota;

    /// <summary>The query parameter that names the field.</summary>
    public const string QueryName = "field";

    /// <summary>The registry's specs visitors may suggest, in the order pages show them.</summary>
    public static IReadOnlyList<SuggestableField> All { get; } = [.. Specs.All.Where(s => s.Suggestable).Select(s => new SuggestableField(s))];

    /// <summary>The field a URL or form names, by its key or its property name, in any case; null when none.</summary>
    public static SuggestableField? Find(string? keyOrName) =>
        string.IsNullOrWhiteSpace(keyOrName)
            ? null
            : All.FirstOrDefault(f => string.Equals(f.Key, keyOrName.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The suggestion page of a platform's value, relative to the base URI.</summary>
    public static string SuggestPath(string platformSlug, string? fieldKey) =>
        $"platforms/{Uri.EscapeDataString(platformSlug)}/suggest" + (fieldKey is null ? "" : $"?{QueryName}={Uri.EscapeDataString(fieldKey)}");

}
