using System.Net;

using FreeGpuPortal.IntegrationTests.Accounts;
using FreeGpuPortal.Web.Accounts;

using Microsoft.AspNetCore.Mvc.Testing;

namespace FreeGpuPortal.IntegrationTests.Admin;

/// <summary>The admin editing and history pages over HTTP: protected, prerendered for an admin, and the public history.</summary>
public sealed class AdminPagesTests(PortalHost factory) : IClassFixture<PortalHost>
{
    private const string Password = "a long admin password for tests";

    [Theory]
    [InlineData("/admin/platforms/colab/edit")]
    [InlineData("/admin/platforms/new")]
    [InlineData("/admin/platforms/colab/history")]
    [InlineData("/admin/history")]
    [InlineData("/admin/history?platform=colab&actor=someone")]
    public async Task Admin_pages_send_anonymous_visitors_to_sign_in(string url)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task A_signed_in_admin_gets_the_edit_form_and_the_history_prerendered()
    {
        var client = await SignedInAdminAsync("editor@example.org");

        var edit = await client.GetAsync("/admin/platforms/colab/edit");
        var editHtml = await edit.Content.ReadAsStringAsync();
        var history = await client.GetStringAsync("/admin/history?platform=colab");
        var list = await client.GetStringAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Contains("data-testid=\"platform-form\"", editHtml);
        Assert.Contains("id=\"f-IdleTimeoutMinutes-Min\"", editHtml);
        Assert.Contains("Idle timeout (min) – minimum", editHtml);
        Assert.Contains("data-interactive=\"false\"", editHtml); // prerendered; the circuit turns it true
        Assert.Contains("action=\"Account/Logout\"", editHtml);
        Assert.Contains("data-change-id=", history);
        Assert.Contains("Seeded", history);
        Assert.Contains("data-platform=\"colab\"", list);
        Assert.Contains("admin/platforms/new", list);
    }

    /// <summary>
    /// MudBlazor's selects and popovers call into its script: an admin page without it crashes on the first click of
    /// a dropdown. The public and account pages use no interactive MudBlazor component and go without it.
    /// </summary>
    [Fact]
    public async Task Admin_pages_load_MudBlazors_script_and_public_and_account_pages_do_not()
    {
        const string MudScript = "<script src=\"_content/MudBlazor/MudBlazor.min.js\"></script>";
        var admin = await SignedInAdminAsync("scripts@example.org");
        foreach (var path in new[] { "/admin", "/admin/platforms/colab/edit", "/zh-CN/admin/platforms/colab/edit", "/admin/catalog/transfer" })
        {
            Assert.Contains(MudScript, await admin.GetStringAsync(path));
        }

        var visitor = factory.CreateClient();
        foreach (var path in new[] { "/", "/zh-CN/", "/platforms/colab", "/compare?p=colab&p=kaggle", "/Account/Login" })
        {
            Assert.DoesNotContain("MudBlazor.min.js", await visitor.GetStringAsync(path));
        }

        var script = await visitor.GetAsync("/_content/MudBlazor/MudBlazor.min.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task The_public_platform_page_shows_its_history_without_admin_identities()
    {
        var response = await factory.CreateClient().GetAsync("/platforms/colab");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"platform-history\"", html);
        Assert.Contains("History of changes", html);
        Assert.Contains("Seeded", html);
        Assert.Contains("data-change-id=", html);
        Assert.Contains("Seeded from the article", html);
        Assert.DoesNotContain("Revert", html);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    private async Task<HttpClient> SignedInAdminAsync(string email)
    {
        var code = await AdminCommand.RunAsync(
            factory.Services, ["admin", "create", "--email", email], new StringReader(Password + "\n"), TextWriter.Null, TextWriter.Null);
        Assert.Equal(0, code);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signIn = await AccountTests.SignInAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }
}
