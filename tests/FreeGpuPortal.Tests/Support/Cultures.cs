using System.Globalization;

namespace FreeGpuPortal.Tests.Support;

/// <summary>Runs a piece of a test in a language, as a request in that language would (culture and UI culture), and restores the thread's own.</summary>
public static class Cultures
{
    public static T In<T>(string language, Func<T> read)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            return read();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }
}
