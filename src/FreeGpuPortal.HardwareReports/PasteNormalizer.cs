using System.Buffers;

namespace FreeGpuPortal.HardwareReports;

/// <summary>
/// Turns whatever was pasted into plain text with '\n' line ends and ordinary spaces, in one forward pass whose output
/// is never longer than its input: HTML wrappers from blog posts are dropped, the few entities such pages use are
/// decoded, control characters and NULs become spaces, and invisible characters vanish. The scanners then never have
/// to think about \r, tabs, non-breaking spaces or markup.
/// </summary>
internal static class PasteNormalizer
{
    // Only the tags that wrap pasted command output are removed; anything else (e.g. "<none>", "<pid>") is left as text.
    private static readonly string[] s_wrapperTags =
    [
        "pre", "code", "samp", "kbd", "tt", "span", "div", "p", "br", "b", "i", "em", "strong", "font", "a",
        "blockquote", "details", "summary", "li", "ul", "ol", "table", "tbody", "thead", "tr", "td", "th", "hr",
        "h1", "h2", "h3", "h4", "h5", "h6", "html", "body",
    ];

    // Tags after which the next text starts on a new line when a page is pasted without its line breaks.
    private static readonly string[] s_lineBreakTags = ["br", "p", "div", "tr", "li", "hr", "h1", "h2", "h3", "h4", "h5", "h6"];

    private const int MaxTagLength = 512;

    public static string Normalize(string text)
    {
        char[] buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        try
        {
            int n = 0;
            ReadOnlySpan<char> s = text;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c == '\r')
                {
                    buffer[n++] = '\n';
                    if (i + 1 < s.Length && s[i + 1] == '\n')
                    {
                        i++;
                    }

                    continue;
                }

                if (c == '<' && TrySkipTag(s, i, out int tagEnd, out bool breaksLine))
                {
                    if (breaksLine)
                    {
                        buffer[n++] = '\n';
                    }

                    i = tagEnd;
                    continue;
                }

                if (c == '&' && TryDecodeEntity(s, i, out char decoded, out int entityEnd))
                {
                    c = decoded;
                    i = entityEnd;
                }

                char cleaned = Clean(c);
                if (cleaned != '\0')
                {
                    buffer[n++] = cleaned;
                }
            }

            return new string(buffer, 0, n);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Maps one character to what the scanners should see; '\0' means "drop it".</summary>
    private static char Clean(char c)
    {
        if (c == '\n')
        {
            return '\n';
        }

        if (c is '\u2028' or '\u2029')
        {
            return '\n';
        }

        if (c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF')
        {
            return '\0';
        }

        // Some renderers draw table borders with box-drawing verticals; they mean the same as '|'.
        if (c is '\u2502' or '\u2503')
        {
            return '|';
        }

        if (c < ' ' || (c >= '\u007F' && c <= '\u009F') || char.IsWhiteSpace(c))
        {
            return ' ';
        }

        return c;
    }

    private static bool TrySkipTag(ReadOnlySpan<char> s, int start, out int end, out bool breaksLine)
    {
        end = start;
        breaksLine = false;
        int i = start + 1;
        if (i < s.Length && s[i] == '/')
        {
            i++;
        }

        int nameStart = i;
        while (i < s.Length && i - nameStart < 10 && char.IsAsciiLetterOrDigit(s[i]))
        {
            i++;
        }

        if (i == nameStart || i >= s.Length)
        {
            return false;
        }

        ReadOnlySpan<char> name = s[nameStart..i];
        if (!IsOneOf(name, s_wrapperTags))
        {
            return false;
        }

        if (s[i] != '>' && s[i] != ' ' && s[i] != '/')
        {
            return false;
        }

        // Stop at the next '<' or line end: a tag never contains them, and stopping there keeps the whole pass linear
        // even for text made of nothing but "<pre <pre <pre".
        int limit = Math.Min(s.Length, start + MaxTagLength);
        for (int j = i; j < limit; j++)
        {
            char c = s[j];
            if (c == '>')
            {
                end = j;
                breaksLine = IsOneOf(name, s_lineBreakTags);
                return true;
            }

            if (c is '<' or '\n' or '\r')
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsOneOf(ReadOnlySpan<char> name, string[] candidates)
    {
        foreach (string candidate in candidates)
        {
            if (name.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryDecodeEntity(ReadOnlySpan<char> s, int start, out char decoded, out int end)
    {
        decoded = '\0';
        end = start;
        int semicolon = s.Slice(start + 1, Math.Min(10, s.Length - start - 1)).IndexOf(';');
        if (semicolon <= 0)
        {
            return false;
        }

        ReadOnlySpan<char> body = s.Slice(start + 1, semicolon);
        end = start + 1 + semicolon;
        if (body[0] == '#')
        {
            ReadOnlySpan<char> digits = body[1..];
            bool hex = digits.Length > 0 && (digits[0] == 'x' || digits[0] == 'X');
            if (hex)
            {
                digits = digits[1..];
            }

            if (digits.IsEmpty || digits.Length > 5)
            {
                return false;
            }

            int code = 0;
            foreach (char d in digits)
            {
                int v = hex ? HexValue(d) : (char.IsAsciiDigit(d) ? d - '0' : -1);
                if (v < 0)
                {
                    return false;
                }

                code = (code * (hex ? 16 : 10)) + v;
            }

            // Code points outside the BMP or in the surrogate range would need two chars; leaving them as text is harmless.
            if (code is 0 or > 0xFFFF or (>= 0xD800 and <= 0xDFFF))
            {
                return false;
            }

            decoded = (char)code;
            return true;
        }

        decoded = body switch
        {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => ' ',
            "vert" => '|',
            "verbar" => '|',
            "colon" => ':',
            "comma" => ',',
            "hellip" => '\u2026',
            _ => '\0',
        };
        return decoded != '\0';
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
