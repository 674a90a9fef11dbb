namespace FreeGpuPortal.Web.Accounts;

/// <summary>The outcome of a change to the admins: done, or refused with a sentence for the admin.</summary>
public sealed record AdminChangeResult(bool Succeeded, string Message)
{
    public static AdminChangeResult Done(string message) => new(true, message);

    public static AdminChangeResult Refused(string message) => new(false, message);
}
