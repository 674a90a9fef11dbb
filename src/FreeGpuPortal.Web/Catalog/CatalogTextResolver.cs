using FreeGpuPortal.Web.Localization;

namespace FreeGpuPortal.Web.Catalog;

// Catalog texts in the page's language: the resolver and the texts and lists it gives.

/// <summary>
/// The one rule that chooses which of a catalog text's two languages to show, used by every page, the API's JSON and
/// the CSV: the wanted language when it has the text, else the other language marked as a fallback, else nothing.
/// Blank text counts as missing. A list is taken whole from one language, so a list never mixes the two.
/// </summary>
public static class CatalogTextResolver
{
    public static ShownText? Resolve(string? english, string? chinese, string language)
    {
        var wantsChinese = language == PortalLanguages.Chinese;
        var (wanted, other) = wantsChinese ? (chinese, english) : (english, chinese);
        if (!string.IsNullOrWhiteSpace(wanted))
        {
            return new ShownText(wanted, language, IsFallback: false);
        }

        return string.IsNullOrWhiteSpace(other)
            ? null
            : new ShownText(other, PortalLanguages.Other(language), IsFallback: true);
    }

    public static ShownList Resolve(IReadOnlyList<string>? english, IReadOnlyList<string>? chinese, string language)
    {
        var wantsChinese = language == PortalLanguages.Chinese;
        var (wanted, other) = wantsChinese ? (chinese, english) : (english, chinese);
        if (wanted is { Count: > 0 })
        {
            return new ShownList(wanted, language, IsFallback: false);
        }

        return other is { Count: > 0 }
            ? new ShownList(other, PortalLanguages.Other(language), IsFallback: true)
            : ShownList.Empty(language);
    }

    /// <summary>The text alone, for places that cannot carry a marker (a CSV cell, a sort key).</summary>
    public static string? Text(string? english, string? chinese, string language) =>
        Resolve(english, chinese, language)?.Text;

    /// <summary>
    /// Several texts read as one (a quota's note and its reset rule): joined with a space, written in the wanted
    /// language unless every part is a fallback.
    /// </summary>
    public static ShownText? Join(string language, params ShownText?[] parts)
    {
        var present = parts.OfType<ShownText>().ToList();
        if (present.Count == 0)
        {
            return null;
        }

        var separator = language == PortalLanguages.Chinese && present.All(p => !p.IsFallback) ? "" : " ";
        var allFallback = present.All(p => p.IsFallback);
        return new ShownText(
            string.Join(separator, present.Select(p => p.Text)),
            allFallback ? PortalLanguages.Other(language) : language,
            allFallback);
    }
}

/// <summary>
/// A catalog text as a page or the API shows it: the text, the language it is written in ("en" or "zh-CN"), and
/// whether it is a fallback — the other language's text, shown because the wanted one is missing.
/// </summary>
public sealed record ShownText(string Text, string Language, bool IsFallback)
{
    public override string ToString() => Text;
}

/// <summary>A list of catalog texts (pros, cons, steps) in one language, and whether it is the other language's list.</summary>
public sealed record ShownList(IReadOnlyList<string> Items, string Language, bool IsFallback)
{
    public static ShownList Empty(string language) => new([], language, false);
}
