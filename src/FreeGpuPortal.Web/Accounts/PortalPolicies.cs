namespace FreeGpuPortal.Web.Accounts;

public static class PortalPolicies
{
    /// <summary>The Admin role, and a two-factor sign-in when "Admin:RequireTwoFactor" is true.</summary>
    public const string Admin = "Admin";
}
