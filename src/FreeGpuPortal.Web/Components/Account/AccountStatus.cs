using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace FreeGpuPortal.Web.Components.Account;

/// <summary>
/// The account pages' status messages. An error starts with the language's "Error:" prefix, which the status message
/// shows as an alert; the message crosses a redirect in a cookie as plain text, written in the page's language (the
/// redirect keeps it).
/// </summary>
public static class AccountStatus
{
    private const string ErrorKey = "Account.Status.Error";

    /// <summary>"Error: {text}" in the current language.</summary>
    public static string Error(IStringLocalizer localizer, string text) => localizer[ErrorKey, text];

    /// <summary>An error built from Identity's own (localized) error descriptions.</summary>
    public static string Error(IStringLocalizer localizer, IdentityResult result) =>
        Error(localizer, string.Join(" ", result.Errors.Select(error => error.Description)));

    /// <summary>Whether a message is an error: it starts with the current language's prefix (or the English one).</summary>
    public static bool IsError(IStringLocalizer localizer, string message)
    {
        var prefix = localizer[ErrorKey, ""].Value;
        return message.StartsWith(prefix, StringComparison.Ordinal) || message.StartsWith("Error", StringComparison.Ordinal);
    }
}
