using FreeGpuPortal.Web.Auditing;

namespace FreeGpuPortal.Web.Accounts;

/// <summary>The answer to "may this person act as an admin right now": the actor to record, or why not.</summary>
public abstract record AdminAuthorityResult
{
    private AdminAuthorityResult()
    {
    }

    /// <summary>Still a signed-in admin: act, and record <see cref="Actor"/> in the history.</summary>
    public sealed record Allowed(Actor Actor) : AdminAuthorityResult;

    public sealed record Refused(AdminRefusal Reason) : AdminAuthorityResult;
}
