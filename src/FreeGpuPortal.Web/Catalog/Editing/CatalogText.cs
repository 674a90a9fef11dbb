using System.Text;

namespace FreeGpuPortal.Web.Catalog.Editing;

/// <summary>
/// Text as the catalog stores it. Bidirectional control characters (embeddings, overrides, isolates and the
/// direction marks) are removed from everything written to the catalog: a name carrying U+202E would otherwise
/// display reversed and spill into the text around it ("Google LLC" showing as "CLL elgooG"). Pages also isolate
/// each value's direction, for text stored before this rule.
/// </summary>
public static class CatalogText
{
    public static bool IsBidiControl(char c) =>
        c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    public static bool HasBidiControls(string? text) => text is not null && text.Any(IsBidiControl);

    /// <summary><paramref name="text"/> without bidirectional control characters; null stays null.</summary>
    public static string? WithoutBidiControls(string? text)
    {
        if (text is null || !HasBidiControls(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsBidiControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
