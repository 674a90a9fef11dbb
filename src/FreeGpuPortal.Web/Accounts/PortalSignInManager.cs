using FreeGpuPortal.Web.Hosting;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FreeGpuPortal.Web.Accounts;

/// <summary>
/// Identity's sign-in manager, logging every outcome of a sign-in step as a security event (user, address, result;
/// never the password, code or passkey assertion). The account pages call it unchanged.
/// </summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation,
    SecurityEventLog securityLog,
    SignInThrottle throttle)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private PortalUser? _passkeyUser;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            securityLog.Write(LogLevel.Warning, SecurityEventTypes.SignInFailed, null, SecurityEventLog.AttemptedEmail(userName), "password; no such account");
            throttle.RecordFailure(SignInThrottle.AddressOf(Context));
            return SignInResult.Failed;
        }

        var result = await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        Record(user, result, "password", SecurityEventTypes.SignInFailed);
        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        Record(user, result, "authenticator code", SecurityEventTypes.SecondFactorFailed);
        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        Record(user, result, "recovery code", SecurityEventTypes.RecoveryCodeFailed);
        return result;
    }

    public override async Task<PasskeyAssertionResult<PortalUser>> PerformPasskeyAssertionAsync(string credentialJson)
    {
        var assertion = await base.PerformPasskeyAssertionAsync(credentialJson);
        _passkeyUser = assertion.Succeeded ? assertion.User : null;
        return assertion;
    }

    public override async Task<SignInResult> PasskeySignInAsync(string credentialJson)
    {
        _passkeyUser = null;
        var result = await base.PasskeySignInAsync(credentialJson);
        // A failed assertion names no verified user: it is logged without one.
        Record(_passkeyUser, result, "passkey", SecurityEventTypes.SignInFailed);
        return result;
    }

    public override async Task SignOutAsync()
    {
        var user = Context.User;
        await base.SignOutAsync();
        if (user.Identity?.IsAuthenticated == true)
        {
            securityLog.Write(LogLevel.Information, SecurityEventTypes.SignedOut, user, "signed out");
        }
    }

    private void Record(PortalUser? user, SignInResult result, string method, string failureType)
    {
        var (level, type, detail) = result switch
        {
            { Succeeded: true } => (LogLevel.Information, SecurityEventTypes.SignInSucceeded, method),
            { RequiresTwoFactor: true } => (LogLevel.Information, SecurityEventTypes.SignInNeedsSecondFactor, method + " accepted; second factor required"),
            { IsLockedOut: true } => (LogLevel.Warning, SecurityEventTypes.LockedOut, method + "; account locked out"),
            { IsNotAllowed: true } => (LogLevel.Warning, failureType, method + "; sign-in not allowed (unconfirmed account)"),
            _ => (LogLevel.Warning, failureType, method + "; wrong"),
        };
        securityLog.Write(level, type, user?.Id, user?.Email, detail);
        if (!result.Succeeded && !result.RequiresTwoFactor)
        {
            // What an attacker does: a wrong password, code or passkey counts against the address.
            throttle.RecordFailure(SignInThrottle.AddressOf(Context));
        }
    }
}
