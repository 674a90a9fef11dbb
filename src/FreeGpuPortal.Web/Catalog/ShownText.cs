namespace FreeGpuPortal.Web.Catalog;

/// <summary>
/// A catalog text as a page or the API shows it: the text, the language it is written in ("en" or "zh-CN"), and
/// whether it is a fallback — the other language's text, shown because the wanted one is missing.
/// </summary>
public sealed record ShownText(string Text, string Language, bool IsFallback)
{
    public override string ToString() => Text;
}
