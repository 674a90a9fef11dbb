namespace FreeGpuPortal.Web.Catalog;

/// <summary>
/// The Chinese titles of the documents the catalog cites. A value's citation names a document by its address and
/// English title; the platforms' source lists are where a document's title is translated, once, so a citation
/// takes its Chinese title from a listed source with the same address and the same English title. A citation no
/// list names (or whose title was edited since) has no Chinese title and shows its English one, marked as a fallback
/// on a Chinese page like any other untranslated text.
/// </summary>
public sealed class SourceTitles
{
    private readonly Dictionary<(string Url, string Title), string> _chinese;

    private SourceTitles(Dictionary<(string Url, string Title), string> chinese) => _chinese = chinese;

    public static SourceTitles Empty { get; } = new([]);

    /// <summary>The translations the given sources hold; where two list one document differently, the first wins.</summary>
    public static SourceTitles From(IEnumerable<PlatformSource> sources)
    {
        var chinese = new Dictionary<(string Url, string Title), string>();
        foreach (var source in sources)
        {
            if (!string.IsNullOrWhiteSpace(source.TitleZh))
            {
                chinese.TryAdd((source.Url, source.Title), source.TitleZh);
            }
        }

        return new SourceTitles(chinese);
    }

    /// <summary>The Chinese title of the document cited as <paramref name="url"/> and <paramref name="title"/>; null when none.</summary>
    public string? ChineseOf(string? url, string? title) =>
        url is not null && title is not null && _chinese.TryGetValue((url, title), out var chinese) ? chinese : null;

    /// <summary>A citation's title in <paramref name="language"/>, through <see cref="CatalogTextResolver"/>; null without a title.</summary>
    public ShownText? Resolve(string? url, string? title, string language) =>
        CatalogTextResolver.Resolve(title, ChineseOf(url, title), language);
}
