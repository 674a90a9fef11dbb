using FreeGpuPortal.Web.Catalog;

namespace FreeGpuPortal.Web.Api;

/// <summary>
/// Resolves an answer's texts in the requested language (<see cref="CatalogTextResolver"/>) and keeps, as JSON
/// Pointers (RFC 6901) relative to the object being built, where a text came in the other language — what the pages
/// mark with "English only" / "仅中文", a script reads from the object's <c>fallbackTexts</c>.
/// </summary>
public sealed class FallbackTexts(string language, IEnumerable<string>? earlier = null)
{
    private readonly List<string> _pointers = [.. earlier ?? []];

    public string Language { get; } = language;

    /// <summary>The pointers of every fallback so far, in the order the texts were resolved.</summary>
    public IReadOnlyList<string> Pointers => [.. _pointers];

    public string? Text(string pointer, string? english, string? chinese) =>
        Shown(pointer, CatalogTextResolver.Resolve(english, chinese, Language));

    /// <summary>A text resolved elsewhere (a citation's title), noted at <paramref name="pointer"/> when it is a fallback.</summary>
    public string? Shown(string pointer, ShownText? shown)
    {
        if (shown is { IsFallback: true })
        {
            _pointers.Add(pointer);
        }

        return shown?.Text;
    }

    /// <summary>A list, taken whole from one language: one pointer for the whole list when it is a fallback.</summary>
    public IReadOnlyList<string> List(string pointer, IReadOnlyList<string>? english, IReadOnlyList<string>? chinese)
    {
        var shown = CatalogTextResolver.Resolve(english, chinese, Language);
        if (shown.IsFallback)
        {
            _pointers.Add(pointer);
        }

        return [.. shown.Items];
    }
}
