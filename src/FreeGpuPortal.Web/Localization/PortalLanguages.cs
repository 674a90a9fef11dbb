using System.Globalization;

namespace FreeGpuPortal.Web.Localization;

/// <summary>
/// The portal's two languages. English lives at the site root; Simplified Chinese under <see cref="ChinesePrefix"/>,
/// with the same paths and query strings after it.
/// </summary>
public static class PortalLanguages
{
    public const string English = "en";
    public const string Chinese = "zh-CN";

    /// <summary>The first path segment of every Chinese page.</summary>
    public const string ChinesePrefix = "/" + Chinese;

    public static IReadOnlyList<string> All { get; } = [English, Chinese];

    /// <summary>The other language, which the language switch offers.</summary>
    public static string Other(string language) => language == Chinese ? English : Chinese;

    /// <summary>Each language's name in itself, as a language switch shows it: the same on every page.</summary>
    public static string NativeName(string language) => language == Chinese ? "简体中文" : "English";

    /// <summary>The language of the current request, from the culture the localization middleware set.</summary>
    public static string Current => IsChinese(CultureInfo.CurrentUICulture) ? Chinese : English;

    public static bool IsChinese(CultureInfo culture) =>
        string.Equals(culture.Name, Chinese, StringComparison.OrdinalIgnoreCase);

    /// <summary>"en" or "zh-CN" for a language tag a client sent ("zh", "zh-Hans-CN", "en-GB"…), else null.</summary>
    public static string? FromTag(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var primary = tag.Trim().Split('-', '_')[0];
        return primary.ToLowerInvariant() switch
        {
            "zh" => Chinese,
            "en" => English,
            _ => null,
        };
    }
}
