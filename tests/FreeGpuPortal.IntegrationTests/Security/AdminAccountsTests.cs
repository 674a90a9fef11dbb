using System.Globalization;
using System.Net;

using FreeGpuPortal.Web.Accounts;
using FreeGpuPortal.Web.Hosting;

using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.IntegrationTests.Security;

/// <summary>The admins management service over the real app: its rules hold whatever page calls it.</summary>
public sealed class AdminAccountsTests : IAsyncLifetime
{
    private readonly PortalHost _portal = PortalHost.For(PortalHostOptions.Observed);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private async Task<T> WithAccountsAsync<T>(Func<AdminAccounts, Task<T>> use)
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<AdminAccounts>());
    }

    private async Task<bool> IsAdminAsync(string email)
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await users.FindByEmailAsync(email) is { } user && await users.IsInRoleAsync(user, PortalRoles.Admin);
    }

    [Fact]
    public async Task The_last_admin_cannot_be_removed()
    {
        var only = await _portal.CreateAdminAsync("only@example.org");

        var result = await WithAccountsAsync(a => a.RemoveAsync(only.Id, only.Id));

        Assert.False(result.Succeeded);
        Assert.Contains("last admin", result.Message);
        Assert.True(await IsAdminAsync("only@example.org"));
        Assert.Single(_portal.Log.Security(SecurityEventTypes.AdminRemovalRefused));
    }

    [Fact]
    public async Task Its_answers_are_in_the_language_of_the_page_that_asked()
    {
        var only = await _portal.CreateAdminAsync("zh-only@example.org");
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            // A /zh-CN/ page's request (or circuit) runs with the Chinese UI culture.
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
            var refused = await WithAccountsAsync(a => a.RemoveAsync(only.Id, only.Id));
            var noEmail = await WithAccountsAsync(a => a.AddAsync("not an address", null, only.Id));
            var noPassword = await WithAccountsAsync(a => a.AddAsync("zh-new@example.org", null, only.Id));

            Assert.Equal("zh-only@example.org 是最后一位管理员，不能被移除：请先添加另一位管理员。", refused.Message);
            Assert.Equal("请输入新管理员的电子邮件地址。", noEmail.Message);
            Assert.Equal("zh-new@example.org 还没有账户：请为其设置初始密码。", noPassword.Message);

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            var english = await WithAccountsAsync(a => a.RemoveAsync(only.Id, only.Id));
            Assert.Equal("zh-only@example.org is the last admin and cannot be removed: add another admin first.", english.Message);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task Two_admins_removing_each_other_at_once_leave_one()
    {
        var a = await _portal.CreateAdminAsync("a@example.org");
        var b = await _portal.CreateAdminAsync("b@example.org");

        var results = await Task.WhenAll(
            WithAccountsAsync(x => x.RemoveAsync(b.Id, a.Id)),
            WithAccountsAsync(x => x.RemoveAsync(a.Id, b.Id)));

        Assert.Single(results, r => r.Succeeded);
        Assert.Single((await WithAccountsAsync(x => x.ListAsync())));
    }

    [Fact]
    public async Task A_new_admin_gets_an_account_under_the_password_rules_and_an_existing_account_gets_the_role_alone()
    {
        var actor = await _portal.CreateAdminAsync("actor@example.org");

        var tooShort = await WithAccountsAsync(a => a.AddAsync("new@example.org", "short", actor.Id));
        Assert.False(tooShort.Succeeded);
        Assert.Contains("at least 12 characters", tooShort.Message);
        var noPassword = await WithAccountsAsync(a => a.AddAsync("new@example.org", null, actor.Id));
        Assert.False(noPassword.Succeeded);

        var created = await WithAccountsAsync(a => a.AddAsync(" new@example.org ", "a fresh long pass phrase", actor.Id));
        Assert.True(created.Succeeded, created.Message);
        Assert.True(await IsAdminAsync("new@example.org"));

        await _portal.CreateUserAsync("existing@example.org");
        var withPassword = await WithAccountsAsync(a => a.AddAsync("existing@example.org", "replace the password", actor.Id));
        Assert.False(withPassword.Succeeded);
        var granted = await WithAccountsAsync(a => a.AddAsync("existing@example.org", null, actor.Id));
        Assert.True(granted.Succeeded, granted.Message);
        Assert.True(await IsAdminAsync("existing@example.org"));
        Assert.False((await WithAccountsAsync(a => a.AddAsync("existing@example.org", null, actor.Id))).Succeeded);

        Assert.Equal(["actor@example.org", "existing@example.org", "new@example.org"], (await WithAccountsAsync(a => a.ListAsync())).Select(a => a.Email));
        Assert.Single(_portal.Log.Security(SecurityEventTypes.AdminCreated));
        Assert.Single(_portal.Log.Security(SecurityEventTypes.AdminRoleGranted));
    }

    [Fact]
    public async Task Removing_the_role_ends_the_removed_admins_open_session()
    {
        var keeper = await _portal.CreateAdminAsync("keeper@example.org");
        var leaver = await _portal.CreateAdminAsync("leaver@example.org");
        var leaverBrowser = await _portal.SignedInClientAsync("leaver@example.org");
        Assert.Equal(HttpStatusCode.OK, (await leaverBrowser.GetAsync("/admin")).StatusCode);

        var result = await WithAccountsAsync(a => a.RemoveAsync(leaver.Id, keeper.Id));

        Assert.True(result.Succeeded, result.Message);
        Assert.False(await IsAdminAsync("leaver@example.org"));
        var after = await leaverBrowser.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode); // the cookie failed its security-stamp check
        Assert.Equal("/Account/Login", after.Headers.Location?.AbsolutePath);
        var removed = Assert.Single(_portal.Log.Security(SecurityEventTypes.AdminRoleRemoved));
        Assert.Equal(leaver.Id, CapturedLog.Scalar(removed.Properties["UserId"]));
        Assert.Contains(keeper.Id, CapturedLog.Scalar(removed.Properties["Detail"]));
    }

    [Fact]
    public async Task The_admins_page_lists_the_admins_to_an_admin()
    {
        await _portal.CreateAdminAsync("lister@example.org");
        await _portal.CreateAdminAsync("second@example.org");
        var client = await _portal.SignedInClientAsync("lister@example.org");

        var html = await client.GetStringAsync("/admin/admins");

        Assert.Contains("data-admin=\"lister@example.org\"", html);
        Assert.Contains("data-admin=\"second@example.org\"", html);
        Assert.Contains("lister@example.org (you)", html);
    }
}
