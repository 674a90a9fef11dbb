namespace FreeGpuPortal.Web.Accounts;

/// <summary>One account holding the Admin role, as the admins page lists it.</summary>
public sealed record AdminAccount(string UserId, string Email, bool TwoFactorEnabled, bool LockedOut);
