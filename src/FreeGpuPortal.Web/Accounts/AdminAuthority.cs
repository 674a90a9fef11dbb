using System.Security.Claims;

using FreeGpuPortal.Web.Auditing;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FreeGpuPortal.Web.Accounts;

/// <summary>
/// Checks, at the moment an action is taken, that the person is still an admin: the Admin policy on their sign-in,
/// and, read fresh from the database, that the account exists, still holds the Admin role and has not been signed
/// out everywhere since (security stamp). An interactive page's sign-in is only revalidated every so often; a
/// catalog change made from it must not rely on that.
/// </summary>
public sealed class AdminAuthority(IServiceScopeFactory scopes, IAuthorizationService authorization, IOptions<IdentityOptions> identity)
{
    /// <summary>The acting admin as history records them, or null when <paramref name="user"/> may not act as an admin now.</summary>
    public async Task<Actor?> ConfirmAsync(ClaimsPrincipal user)
    {
        if (!(await authorization.AuthorizeAsync(user, PortalPolicies.Admin)).Succeeded)
        {
            return null;
        }

        // A scope of its own: the caller's (an interactive circuit's) would answer from entities it read earlier.
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var account = await users.GetUserAsync(user);
        if (account is null || !await users.IsInRoleAsync(account, PortalRoles.Admin))
        {
            return null;
        }

        if (users.SupportsUserSecurityStamp
            && user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) != await users.GetSecurityStampAsync(account))
        {
            return null;
        }

        var name = account.Email ?? account.UserName ?? account.Id;
        return new Actor(account.Id, name);
    }
}
