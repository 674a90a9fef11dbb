namespace FreeGpuPortal.Web.Accounts;

/// <summary>
/// The SMTP server the portal sends account e-mail through (password-reset and address-confirmation links). Unset by
/// default: then no page offers anything that needs an e-mail, and a forgotten password is reset on the server with
/// <c>admin reset-password</c>.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>Host name of the SMTP server. Setting it (with <see cref="From"/>) turns account e-mail on.</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    /// <summary>STARTTLS/TLS to the SMTP server. Default true; only a server on the same machine may go without.</summary>
    public bool EnableSsl { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender address, e.g. "FreeGpuPortal &lt;portal@example.org&gt;".</summary>
    public string? From { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SmtpHost) && !string.IsNullOrWhiteSpace(From);
}
