using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Accounts;
using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Components.Admin;

using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.Tests.Admin;

/// <summary>
/// The runner every admin page acts through, over the real accounts store and authority: each action asks at its own
/// moment whether the person is still a signed-in admin, one action runs at a time, and a refusal is shown.
/// </summary>
public sealed class AdminActionRunnerTests : AdminComponentTest
{
    private int _renders;

    private AdminActionRunner NewRunner() => new(Services.GetRequiredService<AdminSession>(), () => _renders++);

    [Fact]
    public async Task An_action_runs_as_the_admin_the_authority_names_now()
    {
        var runner = NewRunner();
        Actor? actedAs = null;

        var outcome = await runner.RunAsync(actor =>
        {
            actedAs = actor;
            Assert.True(runner.IsBusy);
            return Task.CompletedTask;
        });

        Assert.Equal(AdminActionOutcome.Done, outcome);
        Assert.Equal(new Actor(AdminUserId, AdminEmail), actedAs);
        Assert.Null(runner.Refusal);
        Assert.False(runner.IsBusy);
    }

    [Fact]
    public async Task Authority_is_asked_again_for_each_action_so_a_role_removed_after_the_first_refuses_the_second()
    {
        var runner = NewRunner();
        var ran = 0;
        Assert.Equal(AdminActionOutcome.Done, await runner.RunAsync(_ => Task.FromResult(ran++)));

        await TestAdminAccounts.RemoveAdminRoleAsync(Services, AdminUserId);

        Assert.Equal(AdminActionOutcome.Refused, await runner.RunAsync(_ => Task.FromResult(ran++)));
        Assert.Equal(1, ran);
        Assert.Equal(AdminRefusal.NotAdmin, runner.Refusal);
        Assert.False(runner.IsBusy);
    }

    [Fact]
    public async Task A_sign_out_elsewhere_between_opening_the_page_and_acting_refuses_the_action()
    {
        var runner = NewRunner();
        await TestAdminAccounts.SignOutEverywhereAsync(Services, AdminUserId);
        var ran = false;

        var outcome = await runner.RunAsync(_ =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        Assert.Equal(AdminActionOutcome.Refused, outcome);
        Assert.False(ran);
        Assert.Equal(AdminRefusal.SessionEnded, runner.Refusal);
    }

    [Fact]
    public async Task A_refusal_is_rendered_then_brought_into_view_and_the_next_allowed_action_clears_it()
    {
        var runner = NewRunner();
        BrowserSignIn(null); // signed out in another tab: the browser's cookie proves nothing any more

        Assert.Equal(AdminActionOutcome.Refused, await runner.RunAsync(_ => Task.CompletedTask));

        Assert.Equal(AdminRefusal.NotSignedIn, runner.Refusal);
        Assert.Equal(1, _renders);
        var reveal = Assert.Single(AdminModule.Invocations["reveal"]);
        Assert.Equal(AdminActionRunner.PageRefusalNotice, reveal.Arguments[0]);

        BrowserSignIn(SignedIn);
        Assert.Equal(AdminActionOutcome.Done, await runner.RunAsync(_ => Task.CompletedTask));
        Assert.Null(runner.Refusal);
    }

    [Fact]
    public async Task A_refusal_shown_where_it_already_is_in_view_leaves_the_view_alone()
    {
        var runner = NewRunner();
        BrowserSignIn(null);

        Assert.Equal(AdminActionOutcome.Refused, await runner.RunAsync(_ => Task.CompletedTask, refusalNotice: null));

        Assert.Equal(AdminRefusal.NotSignedIn, runner.Refusal);
        Assert.Equal(0, _renders);
        Assert.Empty(AdminModule.Invocations["reveal"]);
    }

    [Fact]
    public async Task While_an_action_runs_a_second_one_and_a_preview_do_not_start()
    {
        var runner = NewRunner();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ran = 0;
        var first = runner.RunAsync(async _ =>
        {
            ran++;
            started.SetResult();
            await release.Task;
        });
        await started.Task.WaitAsync(Wait);

        // A double click: the second arrives while the first is still saving.
        var second = await runner.RunAsync(_ => Task.FromResult(ran++));
        var previewed = false;
        await runner.WhileBusyAsync(() =>
        {
            previewed = true;
            return Task.CompletedTask;
        });

        Assert.Equal(AdminActionOutcome.Busy, second);
        Assert.False(previewed);
        Assert.True(runner.IsBusy);
        release.SetResult();
        Assert.Equal(AdminActionOutcome.Done, await first.WaitAsync(Wait));
        Assert.Equal(1, ran);
        Assert.False(runner.IsBusy);
    }

    [Fact]
    public async Task An_action_that_throws_leaves_the_runner_free_for_the_next()
    {
        var runner = NewRunner();

        await Assert.ThrowsAsync<InvalidOperationException>(() => runner.RunAsync(_ => throw new InvalidOperationException("The store failed.")));

        Assert.False(runner.IsBusy);
        Assert.Equal(AdminActionOutcome.Done, await runner.RunAsync(_ => Task.CompletedTask));
    }
}
