using System.Globalization;
using System.Text;

namespace FreeGpuPortal.Web.Catalog;

/// <summary>
/// The one rule for platform and feature slugs in addresses (the table's filters, platform and report pages, compare,
/// the API): a slug matches whatever its case, and its canonical form is lower case, the only form the catalog
/// stores. Pages and API answer a non-canonical address with a permanent redirect to the canonical one
/// (<c>CanonicalSlugExtensions</c>), so every platform has one address.
/// </summary>
public static class Slugs
{
    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    public static string Canonical(string slug) => slug.ToLowerInvariant();

    public static bool IsCanonical(string slug) => string.Equals(slug, Canonical(slug), StringComparison.Ordinal);

    /// <summary>
    /// The slug a new platform's form proposes for its name: lower-case ASCII letters and digits, accents dropped
    /// ("Réseau" → "reseau"), apostrophes left out, every other run of characters one hyphen ("Lightning AI Studio" →
    /// "lightning-ai-studio"), cut to the slug's maximum length. Empty when the name has no such letters (a name in
    /// Chinese only): the admin then types one.
    /// </summary>
    public static string FromName(string? name)
    {
        var slug = new StringBuilder();
        var gap = false;
        foreach (var c in (name ?? "").Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’')
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (gap && slug.Length > 0)
                {
                    slug.Append('-');
                }

                slug.Append(lower);
                gap = false;
            }
            else
            {
                gap = true;
            }
        }

        var text = slug.ToString();
        return text.Length <= Editing.PlatformEditValidator.SlugMaxLength
            ? text
            : text[..Editing.PlatformEditValidator.SlugMaxLength].TrimEnd('-');
    }
}
