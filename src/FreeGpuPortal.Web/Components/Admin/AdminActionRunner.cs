using FreeGpuPortal.Web.Accounts;
using FreeGpuPortal.Web.Auditing;

namespace FreeGpuPortal.Web.Components.Admin;

/// <summary>
/// How every admin page runs an action that changes something: one action at a time (<see cref="IsBusy"/>, which the
/// page's buttons show as disabled), and only after <see cref="AdminSession"/> has confirmed, at that moment, that the
/// person is still a signed-in admin. When they are not, nothing runs, <see cref="Refusal"/> says why for the page's
/// <see cref="AdminRefusalNotice"/>, and the page's inputs are left exactly as they are, so nothing typed is lost.
/// <para>
/// One per page, made by the page with its own <c>StateHasChanged</c>: the notice has to be rendered before it can be
/// brought into view, and the clicked handler renders again only once it ends.
/// </para>
/// </summary>
public sealed class AdminActionRunner(AdminSession session, Action render)
{
    /// <summary>Where a page shows its refusal: the one <see cref="AdminRefusalNotice"/> it renders.</summary>
    public const string PageRefusalNotice = "[data-testid=admin-refused]";

    /// <summary>An action is running: another one is not started, so a double click acts once.</summary>
    public bool IsBusy { get; private set; }

    /// <summary>Why the last action was refused; null once an action was allowed again.</summary>
    public AdminRefusal? Refusal { get; private set; }

    /// <summary>
    /// Runs <paramref name="action"/> as the admin the authority names now, unless an action is running already or
    /// the person is no longer a signed-in admin. A refusal is rendered and the element matching
    /// <paramref name="refusalNotice"/> brought into view; null leaves the view where it is (a notice shown next to
    /// the button that was clicked is in view already).
    /// </summary>
    public async Task<AdminActionOutcome> RunAsync(Func<Actor, Task> action, string? refusalNotice = PageRefusalNotice)
    {
        if (IsBusy)
        {
            return AdminActionOutcome.Busy;
        }

        IsBusy = true;
        try
        {
            switch (await session.CheckAsync())
            {
                case AdminAuthorityResult.Allowed allowed:
                    Refusal = null;
                    await action(allowed.Actor);
                    return AdminActionOutcome.Done;
                case AdminAuthorityResult.Refused refused:
                    Refusal = refused.Reason;
                    if (refusalNotice is not null)
                    {
                        render();
                        await session.RevealAsync(refusalNotice);
                    }

                    return AdminActionOutcome.Refused;
                default:
                    throw new InvalidOperationException("An authority result is either allowed or refused.");
            }
        }
        finally
        {
            IsBusy = false;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> that changes nothing (a preview) under the same busy state, so it neither overlaps
    /// an action nor runs twice at once. It asks no authority: reading is what the page's own sign-in allows.
    /// </summary>
    public async Task WhileBusyAsync(Func<Task> work)
    {
        if (IsBusy)
        {
            return;
        }

        IsBusy = true;
        try
        {
            await work();
        }
        finally
        {
            IsBusy = false;
        }
    }
}

/// <summary>What became of an action handed to <see cref="AdminActionRunner.RunAsync"/>.</summary>
public enum AdminActionOutcome
{
    /// <summary>The action ran (whatever its own result).</summary>
    Done,

    /// <summary>Another action was running: this one did not start.</summary>
    Busy,

    /// <summary>The person was no longer a signed-in admin: nothing ran.</summary>
    Refused,
}
