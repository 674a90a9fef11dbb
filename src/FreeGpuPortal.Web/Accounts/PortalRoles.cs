namespace FreeGpuPortal.Web.Accounts;

public static class PortalRoles
{
    public const string Admin = "Admin";
}
