using System.Text;
using System.Text.RegularExpressions;

namespace FreeGpuPortal.IntegrationTests.Accounts;

/// <summary>
/// A single-part message as <see cref="LoopbackSmtpServer"/> received it, decoded as a mail reader would: the subject's
/// RFC 2047 words and the body's transfer encoding (base64 or quoted-printable) undone, as UTF-8 text.
/// </summary>
public sealed partial record ReceivedMail(string To, string Subject, string Body)
{
    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();

    public static ReceivedMail Parse(string raw)
    {
        var text = raw.ReplaceLineEndings("\n");
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var headerLines = Regex.Replace(text[..split], @"\n[ \t]+", " ").Split('\n'); // unfold
        string Header(string name) => headerLines
            .Where(line => line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            .Select(line => line[(name.Length + 1)..].Trim())
            .FirstOrDefault() ?? "";

        var body = text[(split + 2)..];
        var decoded = Header("Content-Transfer-Encoding").ToLowerInvariant() switch
        {
            "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Split('\n').Select(l => l.Trim())))),
            "quoted-printable" => Encoding.UTF8.GetString(QuotedPrintable(body)),
            _ => body,
        };
        return new ReceivedMail(Header("To"), Words(Header("Subject")), decoded);
    }

    /// <summary>The header with its encoded words decoded; the space between two encoded words is not text.</summary>
    private static string Words(string header) => EncodedWord().Replace(Regex.Replace(header, @"\?=\s+=\?", "?==?"), word =>
    {
        var bytes = word.Groups[2].Value is "B" or "b"
            ? Convert.FromBase64String(word.Groups[3].Value)
            : QuotedPrintable(word.Groups[3].Value.Replace('_', ' '));
        return Encoding.UTF8.GetString(bytes);
    });

    private static byte[] QuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        var unwrapped = text.Replace("=\n", "", StringComparison.Ordinal);
        for (var i = 0; i < unwrapped.Length; i++)
        {
            if (unwrapped[i] == '=' && i + 2 < unwrapped.Length && Uri.IsHexDigit(unwrapped[i + 1]) && Uri.IsHexDigit(unwrapped[i + 2]))
            {
                bytes.Add(Convert.ToByte(unwrapped.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(unwrapped[i].ToString()));
            }
        }

        return [.. bytes];
    }
}
