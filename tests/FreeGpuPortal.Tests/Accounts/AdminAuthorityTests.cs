using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Accounts;

using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.Tests.Accounts;

/// <summary>
/// The check every admin action makes at the moment it acts, against a real accounts store: the account, its Admin
/// role, its security stamp and the second factor, read fresh each time; and the browser's action ticket.
/// </summary>
public sealed class AdminAuthorityTests : IAsyncLifetime
{
    private const string UserId = "admin-1";
    private const string Email = "admin@example.org";

    private readonly TestAdminAccounts _accounts = new();
    private ServiceProvider _services = null!;

    private AdminAuthority Authority => _services.GetRequiredService<AdminAuthority>();

    public Task InitializeAsync()
    {
        _services = _accounts.AddTo(new ServiceCollection()).BuildServiceProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _accounts.DisposeAsync();
    }

    [Fact]
    public async Task A_signed_in_admin_is_allowed_and_recorded_by_id_and_email()
    {
        var user = await TestAdminAccounts.CreateAdminAsync(_services, UserId, Email);

        var allowed = Assert.IsType<AdminAuthorityResult.Allowed>(await Authority.CheckAsync(user));

        Assert.Equal(UserId, allowed.Actor.UserId);
        Assert.Equal(Email, allowed.Actor.DisplayName);
        Assert.IsType<AdminAuthorityResult.Allowed>(await Authority.CheckTicketAsync(Authority.IssueTicket(user), UserId));
    }

    [Fact]
    public async Task A_sign_out_elsewhere_ends_the_authority_at_once_not_at_the_next_revalidation()
    {
        var user = await TestAdminAccounts.CreateAdminAsync(_services, UserId, Email);
        var ticket = Authority.IssueTicket(user);
        Assert.IsType<AdminAuthorityResult.Allowed>(await Authority.CheckAsync(user)); // the store is read, and read again below

        await TestAdminAccounts.SignOutEverywhereAsync(_services, UserId);

        Assert.Equal(AdminRefusal.SessionEnded, Refusal(await Authority.CheckAsync(user)));
        Assert.Equal(AdminRefusal.SessionEnded, Refusal(await Authority.CheckTicketAsync(ticket, UserId)));
    }

    [Fact]
    public async Task Losing_the_admin_role_ends_the_authority_at_once()
    {
        var user = await TestAdminAccounts.CreateAdminAsync(_services, UserId, Email);

        await TestAdminAccounts.RemoveAdminRoleAsync(_services, UserId);

        Assert.Equal(AdminRefusal.NotAdmin, Refusal(await Authority.CheckAsync(user)));
    }

    [Fact]
    public async Task A_sign_in_without_a_second_factor_is_refused_when_admins_need_one()
    {
        var user = await TestAdminAccounts.CreateAdminAsync(_services, UserId, Email, twoFactor: false);

        Assert.Equal(AdminRefusal.TwoFactorRequired, Refusal(await Authority.CheckAsync(user)));
    }

    [Fact]
    public async Task No_ticket_a_forged_ticket_or_another_accounts_ticket_is_refused()
    {
        var user = await TestAdminAccounts.CreateAdminAsync(_services, UserId, Email);
        var other = await TestAdminAccounts.CreateAdminAsync(_services, "admin-2", "other@example.org");

        Assert.Equal(AdminRefusal.NotSignedIn, Refusal(await Authority.CheckTicketAsync(null, UserId)));
        Assert.Equal(AdminRefusal.NotSignedIn, Refusal(await Authority.CheckTicketAsync("not-a-ticket", UserId)));
        var ticket = Authority.IssueTicket(user)!;
        Assert.Equal(AdminRefusal.NotSignedIn, Refusal(await Authority.CheckTicketAsync(ticket[..^4] + "AAAA", UserId)));
        Assert.Equal(AdminRefusal.OtherAccount, Refusal(await Authority.CheckTicketAsync(Authority.IssueTicket(other), UserId)));
        Assert.Equal(AdminRefusal.NotSignedIn, Refusal(await Authority.CheckAsync(new System.Security.Claims.ClaimsPrincipal())));
    }

    private static AdminRefusal Refusal(AdminAuthorityResult result) => Assert.IsType<AdminAuthorityResult.Refused>(result).Reason;
}
