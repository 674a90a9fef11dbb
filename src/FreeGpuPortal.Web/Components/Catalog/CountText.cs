using Microsoft.Extensions.Localization;

namespace FreeGpuPortal.Web.Components.Catalog;

/// <summary>
/// Texts that take a count: English needs two forms ("1 change", "2 changes"), so each such text has a
/// <c>.One</c> and an <c>.Other</c> resource. Chinese has one form and repeats it under both keys; a language with
/// more forms would add its own keys and a rule here.
/// </summary>
public static class CountText
{
    /// <summary>"1 platform" / "3 platforms".</summary>
    public static string Platforms(int count, IStringLocalizer l) => For(l, "Count.Platforms", count, count);

    /// <summary>
    /// Resource <paramref name="key"/><c>.One</c> or <c>.Other</c> as <paramref name="count"/> asks, formatted with
    /// <paramref name="arguments"/> (which hold the count where the text shows it).
    /// </summary>
    public static string For(IStringLocalizer l, string key, long count, params object[] arguments) =>
        l[count == 1 ? key + ".One" : key + ".Other", arguments];
}
