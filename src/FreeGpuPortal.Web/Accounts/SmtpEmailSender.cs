using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Text;

using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace FreeGpuPortal.Web.Accounts;

/// <summary>
/// Sends the account e-mails through the SMTP server of <see cref="EmailOptions"/>, in the language of the page that
/// asked for them (the request's culture), so a reset asked for on a Chinese page arrives in Chinese and its link opens
/// the Chinese page.
/// </summary>
public sealed class SmtpEmailSender(EmailOptions options, IStringLocalizer<SharedResource> localizer, ILogger<SmtpEmailSender> logger)
    : IEmailSender<PortalUser>
{
    public Task SendConfirmationLinkAsync(PortalUser user, string email, string confirmationLink) =>
        SendAsync(email, "Email.Confirm.Subject", Sentence("Email.Confirm.Body", $"<a href=\"{confirmationLink}\">{Text("Email.Confirm.Link")}</a>"));

    public Task SendPasswordResetLinkAsync(PortalUser user, string email, string resetLink) =>
        SendAsync(email, "Email.Reset.Subject", Sentence("Email.Reset.Body", $"<a href=\"{resetLink}\">{Text("Email.Reset.Link")}</a>"));

    public Task SendPasswordResetCodeAsync(PortalUser user, string email, string resetCode) =>
        SendAsync(email, "Email.Reset.Subject", Sentence("Email.ResetCode.Body", WebUtility.HtmlEncode(resetCode)));

    /// <summary>A resource text, HTML-encoded for the body.</summary>
    private string Text(string key) => WebUtility.HtmlEncode(localizer[key].Value);

    /// <summary>A whole sentence of the resources (each language places the link where it reads), with its {0} filled.</summary>
    private string Sentence(string key, string html) => string.Format(CultureInfo.InvariantCulture, Text(key), html);

    private async Task SendAsync(string to, string subjectKey, string paragraph)
    {
        var subject = localizer[subjectKey].Value;
        var language = CultureInfo.CurrentUICulture.Name is { Length: > 0 } name ? name : "en";
        using var message = new MailMessage(options.From!, to, subject, $"<p lang=\"{language}\">{paragraph}</p>")
        {
            IsBodyHtml = true,
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        using var client = new SmtpClient(options.SmtpHost, options.SmtpPort) { EnableSsl = options.EnableSsl };
        if (!string.IsNullOrEmpty(options.UserName))
        {
            client.Credentials = new NetworkCredential(options.UserName, options.Password);
        }

        await client.SendMailAsync(message);
        // The recipient is personal data and the link a secret: neither is logged.
        logger.LogInformation("Sent an account e-mail: {Subject}", subjectKey);
    }
}
