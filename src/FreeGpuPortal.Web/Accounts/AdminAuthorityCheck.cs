using System.Security.Claims;

using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FreeGpuPortal.Web.Accounts;

/// <summary>
/// Whether a signed-in user is, at this moment, still an admin: the account exists, holds the Admin role, and its
/// security stamp is the one the sign-in carried (signing out elsewhere or losing the role renews it). An interactive
/// page's authentication state is only revalidated every 30 seconds, so an action checks this when it acts.
/// </summary>
public sealed class AdminAuthorityCheck(IServiceScopeFactory scopeFactory, IOptions<IdentityOptions> options)
{
    public async Task<bool> IsAdminNowAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        // A fresh scope, so the user is read from the store now rather than from a long-lived circuit's cache.
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.GetUserAsync(principal);
        if (user is null || !await users.IsInRoleAsync(user, PortalRoles.Admin))
        {
            return false;
        }

        return !users.SupportsUserSecurityStamp
            || principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType) == await users.GetSecurityStampAsync(user);
    }
}
