using System.Net;
using System.Net.Mail;

using Microsoft.AspNetCore.Identity;

namespace FreeGpuPortal.Web.Accounts;

/// <summary>Sends the account e-mails through the SMTP server of <see cref="EmailOptions"/>.</summary>
public sealed class SmtpEmailSender(EmailOptions options, ILogger<SmtpEmailSender> logger) : IEmailSender<PortalUser>
{
    public Task SendConfirmationLinkAsync(PortalUser user, string email, string confirmationLink) =>
        SendAsync(email, "Confirm your e-mail address", $"<p>Confirm this address for FreeGpuPortal: <a href=\"{confirmationLink}\">confirm</a>.</p>");

    public Task SendPasswordResetLinkAsync(PortalUser user, string email, string resetLink) =>
        SendAsync(email, "Reset your password", $"<p>Someone asked to reset your FreeGpuPortal password. If it was you: <a href=\"{resetLink}\">choose a new password</a>. If not, ignore this e-mail.</p>");

    public Task SendPasswordResetCodeAsync(PortalUser user, string email, string resetCode) =>
        SendAsync(email, "Reset your password", $"<p>Your FreeGpuPortal password reset code: {WebUtility.HtmlEncode(resetCode)}</p>");

    private async Task SendAsync(string to, string subject, string htmlBody)
    {
        using var message = new MailMessage(options.From!, to, subject, htmlBody) { IsBodyHtml = true };
        using var client = new SmtpClient(options.SmtpHost, options.SmtpPort) { EnableSsl = options.EnableSsl };
        if (!string.IsNullOrEmpty(options.UserName))
        {
            client.Credentials = new NetworkCredential(options.UserName, options.Password);
        }

        await client.SendMailAsync(message);
        // The recipient is personal data and the link a secret: neither is logged.
        logger.LogInformation("Sent an account e-mail: {Subject}", subject);
    }
}
