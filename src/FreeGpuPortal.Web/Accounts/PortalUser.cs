using Microsoft.AspNetCore.Identity;

namespace FreeGpuPortal.Web.Accounts;

public sealed class PortalUser : IdentityUser;
