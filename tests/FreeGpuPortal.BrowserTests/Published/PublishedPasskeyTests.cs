using Microsoft.Playwright;

namespace FreeGpuPortal.BrowserTests.Published;

/// <summary>
/// The sign-in page on a host where WebAuthn cannot work: the published build reached by IP address
/// (https://127.0.0.1), where every passkey request would fail with "SecurityError: This is an invalid domain". The
/// passkey script checks first: no console error or warning while the page loads, and a click on the passkey button
/// tells the person why, in the page's language, instead of throwing.
/// </summary>
[Collection(PublishedFormsCollection.Name)]
public sealed class PublishedPasskeyTests(PublishedFormsFixture portal)
{
    [Theory]
    [InlineData("/Account/Login", "Log in with a passkey", "Passkeys cannot be used at this address")]
    [InlineData("/zh-CN/Account/Login", "使用通行密钥登录", "此地址无法使用通行密钥")]
    public async Task On_an_ip_address_the_passkey_button_says_passkeys_are_unavailable_and_the_console_stays_clean(
        string path, string button, string message)
    {
        var page = await portal.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, entry) =>
        {
            if (entry.Type is "error" or "warning")
            {
                console.Add($"{entry.Type}: {entry.Text}");
            }
        };

        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();

        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(message);
        Assert.Empty(console);
    }
}
