using System.Globalization;
using System.Text;

using QRCoder;

namespace FreeGpuPortal.Web.Accounts;

/// <summary>
/// The otpauth:// address an authenticator app reads, and its QR code as one SVG path, drawn on the server: no script,
/// no image request, no inline style (the Content-Security-Policy allows neither inline scripts nor anything else).
/// </summary>
public static class AuthenticatorQrCode
{
    public const string Issuer = "FreeGpuPortal";

    public static string Uri(string email, string unformattedKey) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(email)}?secret={unformattedKey}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6");

    /// <summary>An SVG of <paramref name="text"/>'s QR code: dark modules as one path on a white square, quiet zone included.</summary>
    public static string Svg(string text, string label)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix; // includes the four-module quiet zone
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (matrix[y][x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }

        var escapedLabel = System.Net.WebUtility.HtmlEncode(label);
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"{escapedLabel}\" "
            + $"shape-rendering=\"crispEdges\" class=\"qr-code\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/>"
            + $"<path fill=\"#000\" d=\"{path}\"/></svg>";
    }
}
