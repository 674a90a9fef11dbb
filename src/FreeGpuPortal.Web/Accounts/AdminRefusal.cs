namespace FreeGpuPortal.Web.Accounts;

/// <summary>Why an admin action was refused at the moment it was asked for.</summary>
public enum AdminRefusal
{
    /// <summary>The browser holds no valid sign-in any more: signed out in another tab, or the cookie expired.</summary>
    NotSignedIn,

    /// <summary>The account's security stamp changed since this sign-in (signed out elsewhere, password changed).</summary>
    SessionEnded,

    /// <summary>The account no longer holds the Admin role, or no longer exists.</summary>
    NotAdmin,

    /// <summary>Admins must sign in with a second factor, and this sign-in had none.</summary>
    TwoFactorRequired,

    /// <summary>The browser is now signed in as another account than the one that opened this page.</summary>
    OtherAccount,
}
