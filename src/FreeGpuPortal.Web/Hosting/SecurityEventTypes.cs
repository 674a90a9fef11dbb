namespace FreeGpuPortal.Web.Hosting;

/// <summary>The <c>EventType</c> of every security event, stable for searching and alerting.</summary>
public static class SecurityEventTypes
{
    public const string SignInSucceeded = "sign-in-succeeded";
    public const string SignInFailed = "sign-in-failed";
    public const string SignInNeedsSecondFactor = "sign-in-needs-second-factor";
    public const string LockedOut = "locked-out";
    public const string SecondFactorFailed = "second-factor-failed";
    public const string RecoveryCodeFailed = "recovery-code-failed";
    public const string SignedOut = "signed-out";
    public const string AccessDenied = "access-denied";
    public const string AdminCreated = "admin-created";
    public const string AdminRoleGranted = "admin-role-granted";
    public const string AdminRoleRemoved = "admin-role-removed";
    public const string AdminRemovalRefused = "admin-removal-refused";
    public const string PasswordReset = "password-reset";
    public const string AccountDeleted = "account-deleted";
    public const string AccountDeletionRefused = "account-deletion-refused";
    public const string AdminActionRefused = "admin-action-refused";
}
