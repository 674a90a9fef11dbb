using System.Text;

using Microsoft.AspNetCore.WebUtilities;

namespace FreeGpuPortal.Web.Components.Account;

/// <summary>The token carried by an account e-mail link (Base64Url of UTF-8), read without throwing on a mangled link.</summary>
public static class AccountLinkCode
{
    /// <summary>The decoded token, or an empty string (which no token check accepts) when the link's code is not valid.</summary>
    public static string Decode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return "";
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return "";
        }
    }
}
