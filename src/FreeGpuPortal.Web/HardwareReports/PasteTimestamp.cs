using System.Globalization;
using System.Text.RegularExpressions;

namespace FreeGpuPortal.Web.HardwareReports;

/// <summary>
/// The day a paste was made, read from the timestamp <c>nvidia-smi</c> prints above its table, e.g.
/// "Sat Sep 20 23:49:47 2025". The time is the machine's local time, so the calendar date is taken as printed.
/// </summary>
public static partial class PasteTimestamp
{
    [GeneratedRegex(
        @"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +(?<day>\d{1,2}) \d{2}:\d{2}:\d{2} (?<year>\d{4})\b",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Timestamp();

    /// <summary>The date of the first timestamp in <paramref name="text"/> that is a real calendar date; null when none.</summary>
    public static DateOnly? SessionDate(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            foreach (Match match in Timestamp().Matches(text))
            {
                var written = $"{match.Groups["year"].Value} {match.Groups["month"].Value} {match.Groups["day"].Value}";
                if (DateOnly.TryParseExact(written, "yyyy MMM d", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return date;
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A hostile paste that makes matching slow has no usable timestamp.
        }

        return null;
    }
}
