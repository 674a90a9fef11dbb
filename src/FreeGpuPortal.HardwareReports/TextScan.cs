namespace FreeGpuPortal.HardwareReports;

/// <summary>
/// Small anchored scanners over spans. Everything here looks at a bounded window from a known position, so callers can
/// combine them without ever re-reading the text more than a constant number of times.
/// </summary>
internal static class TextScan
{
    /// <summary>Reads 1..maxDigits ASCII digits at the start of <paramref name="s"/>; longer runs are rejected, not truncated.</summary>
    public static bool TryReadInt(ReadOnlySpan<char> s, int maxDigits, out long value, out int consumed)
    {
        value = 0;
        consumed = 0;
        while (consumed < s.Length && char.IsAsciiDigit(s[consumed]))
        {
            if (consumed == maxDigits)
            {
                return false;
            }

            value = (value * 10) + (s[consumed] - '0');
            consumed++;
        }

        return consumed > 0;
    }

    /// <summary>A whole span, spaces trimmed, that is a positive integer of at most 9 digits.</summary>
    public static bool TryParsePositiveInt(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        s = s.Trim(' ');
        if (!TryReadInt(s, 9, out long v, out int used) || used != s.Length || v <= 0)
        {
            return false;
        }

        value = (int)v;
        return true;
    }

    /// <summary>A leading positive integer followed by end of text or a space (so "2 (online)" reads as 2, "2x" does not).</summary>
    public static bool TryParseLeadingPositiveInt(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        s = s.TrimStart(' ');
        if (!TryReadInt(s, 9, out long v, out int used) || v <= 0)
        {
            return false;
        }

        if (used < s.Length && s[used] != ' ')
        {
            return false;
        }

        value = (int)v;
        return true;
    }

    /// <summary>
    /// Reads a dotted version ("535.104.05", "580.142", "12.4") at the start of <paramref name="s"/>: 2 to 4 numeric
    /// parts. Returns the length, or 0 when there is none.
    /// </summary>
    public static int ReadDottedVersion(ReadOnlySpan<char> s)
    {
        int i = 0;
        int parts = 0;
        while (true)
        {
            int digits = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]) && digits < 6)
            {
                i++;
                digits++;
            }

            if (digits == 0 || (i < s.Length && char.IsAsciiDigit(s[i])))
            {
                return 0;
            }

            parts++;
            if (parts < 4 && i + 1 < s.Length && s[i] == '.' && char.IsAsciiDigit(s[i + 1]))
            {
                i++;
                continue;
            }

            break;
        }

        // A version must end at a word boundary: "12.4abc" is not a version.
        if (parts < 2 || (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] == '.')))
        {
            return 0;
        }

        return i;
    }

    public static int SkipSpaces(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }

        return i;
    }

    public static bool StartsWithAt(ReadOnlySpan<char> s, int i, string word) =>
        i <= s.Length - word.Length && s.Slice(i, word.Length).SequenceEqual(word);

    /// <summary>Start of the line containing <paramref name="pos"/>, looking back at most <paramref name="limit"/> characters.</summary>
    public static int LineStart(string s, int pos, int limit)
    {
        int lowest = Math.Max(0, pos - limit);
        int nl = s.AsSpan(lowest, pos - lowest).LastIndexOf('\n');
        return nl < 0 ? lowest : lowest + nl + 1;
    }

    /// <summary>End of the line containing <paramref name="pos"/>, looking ahead at most <paramref name="limit"/> characters.</summary>
    public static int LineEnd(string s, int pos, int limit)
    {
        int length = Math.Min(limit, s.Length - pos);
        int nl = s.AsSpan(pos, length).IndexOf('\n');
        return nl < 0 ? pos + length : pos + nl;
    }

    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
