namespace FreeGpuPortal.Web.Accounts;

public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>Admin pages need a two-factor sign-in. Default: true outside Development.</summary>
    public bool RequireTwoFactor { get; set; } = true;

    /// <summary>Minimum password length for admin accounts.</summary>
    public int MinimumPasswordLength { get; set; } = 12;

    /// <summary>
    /// How often (seconds) a sign-in cookie is checked against the account, so that a removed Admin role or a sign-out
    /// elsewhere ends access. 0 checks every request. Default 10.
    /// </summary>
    public int SessionValidationSeconds { get; set; } = 10;
}
