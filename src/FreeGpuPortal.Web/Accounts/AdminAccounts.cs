using FreeGpuPortal.Web.Hosting;

using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace FreeGpuPortal.Web.Accounts;

/// <summary>
/// Adds and removes administrators. The rules live here, not in the page: the last admin cannot be removed, and
/// removing the role renews the account's security stamp, so its open sessions lose access at their next request
/// (cookie revalidation) and open interactive pages at their next revalidation. Every change is a security event.
/// Changes are serialised within the process, so two admins removing each other at once cannot leave none. Its
/// messages are for the admin who acted, in the page's language.
/// </summary>
public sealed class AdminAccounts(
    UserManager<PortalUser> users, RoleManager<IdentityRole> roles, SecurityEventLog securityLog,
    IStringLocalizer<SharedResource> localizer)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public async Task<IReadOnlyList<AdminAccount>> ListAsync(CancellationToken cancellationToken = default)
    {
        var admins = await users.GetUsersInRoleAsync(PortalRoles.Admin);
        return [.. admins
            .Select(u => new AdminAccount(u.Id, u.Email ?? u.UserName ?? u.Id, u.TwoFactorEnabled, u.LockoutEnd > DateTimeOffset.UtcNow))
            .OrderBy(a => a.Email, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// Makes <paramref name="email"/> an admin: a new account with <paramref name="initialPassword"/> (checked by the
    /// password rules), or, for an existing account, the Admin role alone (a password given then is refused, so an
    /// existing password is never replaced by accident).
    /// </summary>
    public async Task<AdminChangeResult> AddAsync(string email, string? initialPassword, string actorUserId, CancellationToken cancellationToken = default)
    {
        email = email.Trim();
        if (email.Length is 0 or > 256 || !email.Contains('@', StringComparison.Ordinal) || email.Any(char.IsWhiteSpace))
        {
            return AdminChangeResult.Refused(localizer["Admins.Result.EnterEmail"]);
        }

        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (!await roles.RoleExistsAsync(PortalRoles.Admin))
            {
                await roles.CreateAsync(new IdentityRole(PortalRoles.Admin));
            }

            var user = await users.FindByEmailAsync(email);
            if (user is not null)
            {
                if (await users.IsInRoleAsync(user, PortalRoles.Admin))
                {
                    return AdminChangeResult.Refused(localizer["Admins.Result.AlreadyAdmin", email]);
                }

                if (!string.IsNullOrEmpty(initialPassword))
                {
                    return AdminChangeResult.Refused(localizer["Admins.Result.AccountExists", email]);
                }

                var granted = await users.AddToRoleAsync(user, PortalRoles.Admin);
                if (!granted.Succeeded)
                {
                    return AdminChangeResult.Refused(Describe(granted));
                }

                // A new stamp makes open sessions pick up the role at their next revalidation.
                await users.UpdateSecurityStampAsync(user);
                securityLog.Write(LogLevel.Warning, SecurityEventTypes.AdminRoleGranted, user.Id, user.Email, $"granted by {actorUserId}");
                return AdminChangeResult.Done(localizer["Admins.Result.Granted", email]);
            }

            if (string.IsNullOrEmpty(initialPassword))
            {
                return AdminChangeResult.Refused(localizer["Admins.Result.NeedsPassword", email]);
            }

            user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true };
            var created = await users.CreateAsync(user, initialPassword);
            if (!created.Succeeded)
            {
                return AdminChangeResult.Refused(Describe(created));
            }

            var added = await users.AddToRoleAsync(user, PortalRoles.Admin);
            if (!added.Succeeded)
            {
                return AdminChangeResult.Refused(Describe(added));
            }

            securityLog.Write(LogLevel.Warning, SecurityEventTypes.AdminCreated, user.Id, user.Email, $"created by {actorUserId}");
            return AdminChangeResult.Done(localizer["Admins.Result.Created", email]);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Takes the Admin role from <paramref name="userId"/>, unless it is the last admin. The account itself stays.</summary>
    public async Task<AdminChangeResult> RemoveAsync(string userId, string actorUserId, CancellationToken cancellationToken = default)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            var user = await users.FindByIdAsync(userId);
            if (user is null || !await users.IsInRoleAsync(user, PortalRoles.Admin))
            {
                return AdminChangeResult.Refused(localizer["Admins.Result.NotAdmin"]);
            }

            var admins = await users.GetUsersInRoleAsync(PortalRoles.Admin);
            if (admins.Count <= 1)
            {
                securityLog.Write(LogLevel.Warning, SecurityEventTypes.AdminRemovalRefused, user.Id, user.Email, $"last admin; asked by {actorUserId}");
                return AdminChangeResult.Refused(localizer["Admins.Result.LastAdmin", user.Email ?? userId]);
            }

            var removed = await users.RemoveFromRoleAsync(user, PortalRoles.Admin);
            if (!removed.Succeeded)
            {
                return AdminChangeResult.Refused(Describe(removed));
            }

            // Ends the account's open sessions: cookies fail their next security-stamp check, circuits their next
            // revalidation.
            await users.UpdateSecurityStampAsync(user);
            securityLog.Write(LogLevel.Warning, SecurityEventTypes.AdminRoleRemoved, user.Id, user.Email, $"removed by {actorUserId}");
            return AdminChangeResult.Done(localizer["Admins.Result.Removed", user.Email ?? userId]);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// Whether <paramref name="user"/> may delete their own account: anyone but the last admin, who would leave the
    /// portal with nobody to run it.
    /// </summary>
    public async Task<bool> IsLastAdminAsync(PortalUser user) =>
        await users.IsInRoleAsync(user, PortalRoles.Admin) && (await users.GetUsersInRoleAsync(PortalRoles.Admin)).Count <= 1;

    /// <summary>
    /// Deletes <paramref name="user"/>'s account and personal data, unless it is the last admin. Checked at the moment of
    /// deleting, under the same lock as removing an admin, so two admins deleting themselves at once leave one.
    /// </summary>
    public async Task<AdminChangeResult> DeleteOwnAccountAsync(PortalUser user, CancellationToken cancellationToken = default)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (await IsLastAdminAsync(user))
            {
                securityLog.Write(LogLevel.Warning, SecurityEventTypes.AccountDeletionRefused, user.Id, user.Email, "last admin");
                return AdminChangeResult.Refused(localizer["Account.Delete.LastAdmin"]);
            }

            var deleted = await users.DeleteAsync(user);
            if (!deleted.Succeeded)
            {
                return AdminChangeResult.Refused(Describe(deleted));
            }

            securityLog.Write(LogLevel.Warning, SecurityEventTypes.AccountDeleted, user.Id, user.Email, "deleted by its owner");
            return AdminChangeResult.Done(localizer["Admins.Result.AccountDeleted"]);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
