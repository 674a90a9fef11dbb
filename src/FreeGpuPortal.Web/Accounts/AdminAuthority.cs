using System.Globalization;
using System.Security.Claims;

using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Hosting;

using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FreeGpuPortal.Web.Accounts;

/// <summary>
/// Decides, at the moment an admin action runs, whether the person asking is still a signed-in admin: the account
/// exists, holds the Admin role, its security stamp is the one the sign-in carries (a sign-out anywhere renews it),
/// and the sign-in used a second factor when admins need one. Every fact is read from the accounts store then, in a
/// scope of its own, so nothing cached by a long-lived interactive page decides.
/// <para>
/// An interactive page's own principal is fixed when its connection opens and does not see the browser's cookies
/// later. So a page proves the browser's sign-in is still alive with an action ticket: the browser fetches one from
/// <see cref="TicketPath"/> with its current cookie just before the action (an expired or deleted cookie gets none),
/// and the page hands it to <see cref="CheckTicketAsync"/>. A ticket is protected by Data Protection, names the account
/// and its stamp, and lives one minute.
/// </para>
/// </summary>
public sealed class AdminAuthority(
    IServiceScopeFactory scopeFactory,
    IDataProtectionProvider dataProtection,
    IOptions<IdentityOptions> identityOptions,
    AdminOptions adminOptions,
    SecurityEventLog securityLog)
{
    public const string TicketPath = "/admin/action-ticket";

    private static readonly TimeSpan TicketLifetime = TimeSpan.FromMinutes(1);

    private ITimeLimitedDataProtector Protector =>
        dataProtection.CreateProtector("FreeGpuPortal.Accounts.AdminActionTicket").ToTimeLimitedDataProtector();

    /// <summary>Checks a request's own principal (an HTTP request carries the browser's current cookie).</summary>
    public Task<AdminAuthorityResult> CheckAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        user.Identity?.IsAuthenticated == true && Facts(user) is { } facts
            ? CheckAsync(facts, cancellationToken)
            : Task.FromResult<AdminAuthorityResult>(new AdminAuthorityResult.Refused(AdminRefusal.NotSignedIn));

    /// <summary>
    /// Checks an action ticket fetched by the browser just now. <paramref name="pageUserId"/> is the account that
    /// opened the page (null when unknown): a ticket for another account is refused, so one admin's typing is never
    /// saved under another's name.
    /// </summary>
    public Task<AdminAuthorityResult> CheckTicketAsync(string? ticket, string? pageUserId, CancellationToken cancellationToken = default)
    {
        if (Read(ticket) is not { } facts)
        {
            return Task.FromResult<AdminAuthorityResult>(new AdminAuthorityResult.Refused(AdminRefusal.NotSignedIn));
        }

        if (pageUserId is not null && !string.Equals(pageUserId, facts.UserId, StringComparison.Ordinal))
        {
            return Task.FromResult<AdminAuthorityResult>(new AdminAuthorityResult.Refused(AdminRefusal.OtherAccount));
        }

        return CheckAsync(facts, cancellationToken);
    }

    /// <summary>A ticket for the signed-in <paramref name="user"/>; null when the principal names no account.</summary>
    public string? IssueTicket(ClaimsPrincipal user) =>
        Facts(user) is { } facts
            ? Protector.Protect(
                string.Join('\n', facts.UserId, facts.SecurityStamp ?? "", facts.TwoFactor ? "mfa" : "pwd"),
                TicketLifetime)
            : null;

    private SignInFacts? Read(string? ticket)
    {
        if (string.IsNullOrEmpty(ticket) || ticket.Length > 4096)
        {
            return null;
        }

        try
        {
            var parts = Protector.Unprotect(ticket, out _).Split('\n');
            if (parts.Length != 3)
            {
                return null;
            }

            return new SignInFacts(parts[0], parts[1].Length == 0 ? null : parts[1], parts[2] == "mfa");
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Expired, tampered with, or from another key ring: no proof of a sign-in.
            return null;
        }
    }

    private SignInFacts? Facts(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(identityOptions.Value.ClaimsIdentity.UserIdClaimType);
        return string.IsNullOrEmpty(id)
            ? null
            : new SignInFacts(
                id,
                user.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType),
                user.HasClaim("amr", "mfa"));
    }

    private async Task<AdminAuthorityResult> CheckAsync(SignInFacts facts, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var account = await users.FindByIdAsync(facts.UserId);
        AdminRefusal? refusal = account is null || !await users.IsInRoleAsync(account, PortalRoles.Admin)
            ? AdminRefusal.NotAdmin
            : users.SupportsUserSecurityStamp && !string.Equals(await users.GetSecurityStampAsync(account), facts.SecurityStamp, StringComparison.Ordinal)
                ? AdminRefusal.SessionEnded
                : adminOptions.RequireTwoFactor && !facts.TwoFactor
                    ? AdminRefusal.TwoFactorRequired
                    : null;
        if (refusal is { } reason)
        {
            securityLog.Write(
                LogLevel.Warning, SecurityEventTypes.AdminActionRefused, facts.UserId, account?.Email,
                reason.ToString().ToLower(CultureInfo.InvariantCulture));
            return new AdminAuthorityResult.Refused(reason);
        }

        var name = account!.Email ?? account.UserName ?? account.Id;
        return new AdminAuthorityResult.Allowed(new Actor(account.Id, name));
    }

    private sealed record SignInFacts(string UserId, string? SecurityStamp, bool TwoFactor);
}
