using System.Text.RegularExpressions;

using Microsoft.Playwright;

namespace FreeGpuPortal.BrowserTests.Published;

/// <summary>
/// The account's change-password form tried twice, reloaded and sent from a stale tab, on the published build in
/// Production with two-factor sign-in: a double click sends it once and says the password has been changed, never a
/// server error, and a clear message when the old password no longer holds.
/// </summary>
[Collection(PublishedFormsCollection.Name)]
public sealed class PublishedAccountFormsTests(PublishedFormsFixture portal)
{
    private const string Email = "password-change-admin@example.org"; // its own account: the others keep their password
    private const string NewPassword = "a different kettle, boiled twice";

    private static ILocator Input(IPage page, string name) => page.Locator($"[id='Input.{name}']");

    private static async Task FillChangeAsync(IPage page, string oldPassword)
    {
        await Input(page, "OldPassword").FillAsync(oldPassword);
        await Input(page, "NewPassword").FillAsync(NewPassword);
        await Input(page, "ConfirmPassword").FillAsync(NewPassword);
    }

    [Fact]
    public async Task Changing_the_password_double_clicked_reloaded_and_again_from_a_stale_tab_answers_clearly_and_never_500()
    {
        var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        var posts = new List<string>();
        context.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith("/Account/Manage/ChangePassword", StringComparison.Ordinal))
            {
                posts.Add(request.Url);
            }
        };
        context.Response += (_, response) =>
        {
            if (response.Status >= 500)
            {
                errors.Add($"{response.Status} {response.Request.Method} {response.Url}");
            }
        };
        await portal.SignInAdminAsync(page, Email);
        var stale = await context.NewPageAsync(); // opened before the change, still holding the old password's form
        await stale.GotoAsync("/Account/Manage/ChangePassword");
        await page.GotoAsync("/Account/Manage/ChangePassword");

        await FillChangeAsync(page, PublishedFormsFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Update password" }).DblClickAsync();

        // The double click sends the form once: the page says the password has been changed, as it has.
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Your password has been changed");
        Assert.Matches(new Regex("/Account/Manage/ChangePassword$"), page.Url);
        Assert.Single(posts);
        var reload = await page.ReloadAsync();
        Assert.Equal("GET", reload!.Request.Method);
        Assert.Equal(200, reload.Status);

        // The stale tab sends the old password, which no longer holds: it is told so, signed in still, nothing saved.
        await FillChangeAsync(stale, PublishedFormsFixture.Password);
        await stale.GetByRole(AriaRole.Button, new() { Name = "Update password" }).ClickAsync();
        await Assertions.Expect(stale.Locator("main")).ToContainTextAsync("Incorrect password");
        Assert.Matches(new Regex("/Account/Manage/ChangePassword$"), stale.Url);

        // The new password holds: changing it back with it succeeds (and the account is left as it was).
        await Input(stale, "OldPassword").FillAsync(NewPassword);
        await Input(stale, "NewPassword").FillAsync(PublishedFormsFixture.Password);
        await Input(stale, "ConfirmPassword").FillAsync(PublishedFormsFixture.Password);
        await stale.GetByRole(AriaRole.Button, new() { Name = "Update password" }).ClickAsync();
        await Assertions.Expect(stale.Locator("main")).ToContainTextAsync("Your password has been changed");
        Assert.Empty(errors);
    }
}
