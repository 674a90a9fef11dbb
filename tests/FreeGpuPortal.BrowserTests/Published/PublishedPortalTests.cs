using System.Net;
using System.Text.RegularExpressions;

using Microsoft.Playwright;

namespace FreeGpuPortal.BrowserTests.Published;

/// <summary>
/// The published build in Production over HTTPS, as an operator runs it: every page with a form answers, and an admin
/// gets into the admin area only after a two-factor sign-in.
/// </summary>
[Collection(PublishedPortalCollection.Name)]
public sealed class PublishedPortalTests(PublishedPortalFixture portal)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/platforms/colab")]
    [InlineData("/platforms/colab/report")]
    [InlineData("/Account/Login")]
    [InlineData("/compare?p=colab&p=kaggle")]
    public async Task Pages_with_and_without_forms_answer_over_https_in_production(string path)
    {
        using var client = portal.NewHttpClient();
        using var response = await client.GetAsync(path);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}\n{portal.ServerLog}");
        Assert.Equal("https", response.RequestMessage!.RequestUri!.Scheme);
    }

    [Fact]
    public async Task An_admin_reaches_the_admin_area_only_after_signing_in_with_a_second_factor()
    {
        const string email = "two-factor-admin@example.org";
        const string password = "a heron over the reeds";
        var page = await portal.NewPageAsync();

        await portal.CreateAdminAsync(email, password);
        await page.GotoAsync("/Account/Login?ReturnUrl=%2Fadmin");
        await page.Locator("input[name='Input.Email']").FillAsync(email);
        await page.Locator("input[name='Input.Password']").FillAsync(password);
        await page.Locator("input[name='Input.Password']").PressAsync("Enter");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // The refusal this test asks for: the browser logs a 403 page as an error.
        BrowserErrors.Expect("the server responded with a status of 403");
        var withoutSecondFactor = await page.GotoAsync("/admin");
        Assert.Equal(403, withoutSecondFactor!.Status);

        await page.Context.ClearCookiesAsync();
        await portal.CreateAdminAndSignInWithTwoFactorAsync(page, email, password);

        Assert.Matches(new Regex("/admin$"), page.Url);
        var cookies = await page.Context.CookiesAsync();
        Assert.All(cookies, cookie => Assert.True(cookie.Secure, $"cookie {cookie.Name} is Secure over HTTPS"));
    }
}
