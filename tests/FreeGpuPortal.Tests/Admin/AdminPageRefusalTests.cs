using Bunit;

using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Accounts;
using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Catalog.Transfer;
using FreeGpuPortal.Web.Components.Pages.Admin;
using FreeGpuPortal.Web.LinkChecking;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.Tests.Admin;

/// <summary>
/// The admin pages whose actions go through the action runner, each acted on after the person stopped being a
/// signed-in admin: the page says so in words, changes nothing, and keeps what the admin typed. (The platform form,
/// the GPU model form, the history, the verify step, "Check links now" and the suggestion queue have theirs beside
/// their other tests.)
/// </summary>
public sealed class AdminPageRefusalTests : AdminComponentTest
{
    /// <summary>The notice shows the reason in words: what happened, that nothing changed, and how to go on.</summary>
    private static void AssertRefusalSays<T>(IRenderedComponent<T> page, string reason, string because)
        where T : IComponent
    {
        var notice = page.WaitForElement("[data-testid=admin-refused]", Wait);
        Assert.Equal(reason, notice.GetAttribute("data-reason"));
        Assert.Contains("Not saved: you are no longer signed in as an admin", notice.TextContent, StringComparison.Ordinal);
        Assert.Contains(because, notice.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed, and everything you entered on this page is kept.", notice.TextContent, StringComparison.Ordinal);
        Assert.NotNull(notice.QuerySelector("[data-testid=sign-in-again]"));
    }

    private static string ValueOf<T>(IRenderedComponent<T> page, string selector)
        where T : IComponent => page.Find(selector).GetAttribute("value") ?? "";

    [Fact]
    public async Task Retiring_a_platform_after_the_sign_in_ended_retires_nothing_and_keeps_the_note()
    {
        var page = Render<AdminIndex>();
        page.WaitForElement("tr[data-platform=gradient] [data-testid=retire]", Wait).Click();
        page.WaitForElement("[data-testid=retire-form]", Wait);
        Enter(page, "f-Evidence-Note", "The service closed in May.");
        BrowserSignIn(null); // signed out in another tab

        page.Find("[data-testid=confirm-retire]").Click();

        AssertRefusalSays(page, "NotSignedIn", "This browser is not signed in any more");
        Assert.Equal("The service closed in May.", ValueOf(page, "#f-Evidence-Note"));
        Assert.Equal(ChangeKind.Seed, (await HistoryOfAsync("gradient"))[0].Kind);
        Assert.Equal(PlatformStatus.Active, (await Catalog.Editor.GetForEditAsync("gradient"))!.Status);
    }

    [Fact]
    public async Task Adding_an_admin_after_the_role_was_removed_adds_no_one_and_keeps_the_e_mail_but_never_the_password()
    {
        var accounts = Services.GetRequiredService<AdminAccounts>();
        var page = Render<Admins>();
        page.WaitForElement("[data-testid=admins-table]", Wait);
        page.Find("#new-admin-email").Change("new-admin@example.org");
        page.Find("#new-admin-password").Change("a long enough initial password");
        await TestAdminAccounts.RemoveAdminRoleAsync(Services, AdminUserId);

        page.Find("form.admin-form").Submit();

        AssertRefusalSays(page, "NotAdmin", "This account no longer holds the Admin role.");
        Assert.Equal("new-admin@example.org", ValueOf(page, "#new-admin-email"));
        Assert.Equal("", ValueOf(page, "#new-admin-password"));
        Assert.DoesNotContain(await accounts.ListAsync(), a => a.Email == "new-admin@example.org");
    }

    [Fact]
    public async Task Deleting_a_gpu_model_after_a_sign_out_elsewhere_deletes_nothing_and_keeps_the_evidence()
    {
        var page = Render<GpuModelsPage>();
        page.WaitForElement("[data-gpu-model=tesla-k80] [data-testid=delete]", Wait).Click();
        Enter(page, "f-Evidence-Note", "Nobody offers it any more.");
        await TestAdminAccounts.SignOutEverywhereAsync(Services, AdminUserId);

        page.Find("[data-testid=confirm-delete]").Click();

        AssertRefusalSays(page, "SessionEnded", "Your sign-in was ended");
        Assert.Equal("Nobody offers it any more.", ValueOf(page, "#f-Evidence-Note"));
        Assert.NotNull(await Catalog.GpuModelEditor.GetForEditAsync("tesla-k80"));
    }

    [Fact]
    public async Task Applying_a_catalog_file_after_the_sign_in_ended_applies_nothing_and_keeps_the_preview_and_the_note()
    {
        var transfer = Services.GetRequiredService<CatalogTransfer>();
        var file = await transfer.ExportAsync();
        var edited = file with
        {
            GpuModels = [.. file.GpuModels.Select(g => g.Slug == "tesla-p100" ? g with { Note = "A 12 GB variant exists too." } : g)],
        };
        var page = Render<CatalogTransferPage>();
        BoxHolds(CatalogTransfer.Serialize(edited));
        page.Find("[data-testid=import-note]").Change("Reviewed the GPU texts.");
        page.Find("[data-testid=preview]").Click();
        page.WaitForElement("tr[data-reference='GpuModel:tesla-p100']", Wait);
        BrowserSignIn(null);

        page.Find("[data-testid=apply]").Click();

        AssertRefusalSays(page, "NotSignedIn", "This browser is not signed in any more");
        Assert.Equal("Reviewed the GPU texts.", ValueOf(page, "[data-testid=import-note]"));
        Assert.NotNull(page.Find("tr[data-reference='GpuModel:tesla-p100']"));
        Assert.Equal("A 12 GB variant also exists.", (await Catalog.GpuModelEditor.GetForEditAsync("tesla-p100"))!.Note);
    }

    [Fact]
    public async Task Accepting_a_redirect_after_the_sign_in_ended_changes_no_source()
    {
        var colab = (await Catalog.Editor.GetForEditAsync("colab"))!;
        var cited = colab.Sources[0].Url;
        await using (var db = await Catalog.ContextFactory.CreateDbContextAsync())
        {
            db.LinkStatuses.Add(new LinkStatus
            {
                Url = cited,
                Outcome = LinkOutcome.Redirected,
                FinalUrl = "https://moved.example/new-home",
                PermanentRedirect = true,
                CheckedAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var page = Render<LinksPage>();
        var accept = page.WaitForElement("[data-testid=accept-redirect]", Wait);
        BrowserSignIn(null);

        accept.Click();

        AssertRefusalSays(page, "NotSignedIn", "This browser is not signed in any more");
        Assert.Contains(cited, (await Catalog.Editor.GetForEditAsync("colab"))!.Sources.Select(s => s.Url));
        Assert.Equal(ChangeKind.Seed, (await HistoryOfAsync("colab"))[0].Kind);

        // Signed in again, the same click replaces the URL, as the admin of that moment.
        BrowserSignIn(SignedIn);
        page.Find("[data-testid=accept-redirect]").Click();
        page.WaitForAssertion(() => Assert.Contains("https://moved.example/new-home", page.Find("[data-testid=links-message]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Empty(page.FindAll("[data-testid=admin-refused]"));
        var sources = (await Catalog.Editor.GetForEditAsync("colab"))!.Sources.Select(s => s.Url).ToList();
        Assert.Contains("https://moved.example/new-home", sources);
        Assert.DoesNotContain(cited, sources);
        Assert.Equal(AdminUserId, (await HistoryOfAsync("colab"))[0].ActorUserId);
    }
}
