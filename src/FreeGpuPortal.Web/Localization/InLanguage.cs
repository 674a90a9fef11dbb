using System.Globalization;

using Microsoft.Extensions.Localization;

namespace FreeGpuPortal.Web.Localization;

/// <summary>Text in a language other than the request's: the suggestion to switch speaks the language it offers.</summary>
public static class InLanguage
{
    public static string Text(IStringLocalizer localizer, string language, string key)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            return localizer[key];
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
