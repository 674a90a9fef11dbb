namespace FreeGpuPortal.Web.Accounts;

public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>Admin pages need a two-factor sign-in. Default: true outside Development.</summary>
    public bool RequireTwoFactor { get; set; } = true;

    /// <summary>Minimum password length for admin accounts.</summary>
    public int MinimumPasswordLength { get; set; } = 12;
}
