using System.Net;
using System.Text.RegularExpressions;

using static FreeGpuPortal.IntegrationTests.Localization.ChineseAccountPageText;

namespace FreeGpuPortal.IntegrationTests.Localization;

/// <summary>
/// The template's account pages in Simplified Chinese under /zh-CN/: their text, the forms' validation messages, the
/// sign-in failures and Identity's own messages, and redirects that stay in the language. The same forms in English
/// keep English messages.
/// </summary>
public sealed class ChineseAccountPagesTests(ObservedPortal portal) : IClassFixture<ObservedPortal>
{
    [Fact]
    public async Task The_Chinese_login_page_is_in_Chinese_with_nothing_left_in_English()
    {
        var html = await portal.NewClient().GetStringAsync("/zh-CN/Account/Login");

        Assert.Equal("zh-CN", HtmlLang().Match(html).Groups[1].Value);
        var text = VisibleMainText(html);
        Assert.Contains("登录", text);
        Assert.Contains("电子邮件", text);
        Assert.Contains("密码", text);
        Assert.Contains("使用通行密钥登录", text);
        AssertNoEnglish("/zh-CN/Account/Login", html);
        // What the passkey script may have to say, it says in the page's language.
        Assert.Contains("unsupported-message=\"浏览器缺少部分通行密钥功能，请更新浏览器。\"", html);
    }

    [Fact]
    public async Task A_wrong_password_on_the_Chinese_page_says_so_in_Chinese_and_in_English_on_the_English_page()
    {
        await portal.CreateAdminAsync("zh-wrong@example.org");

        var chinese = await PostLoginAsync(portal.NewClient(), "/zh-CN", "zh-wrong@example.org", "not the password at all");
        var english = await PostLoginAsync(portal.NewClient(), "", "zh-wrong@example.org", "not the password at all");

        Assert.Equal(HttpStatusCode.OK, chinese.StatusCode);
        var chineseHtml = await chinese.Content.ReadAsStringAsync();
        Assert.Contains("错误：登录失败：电子邮件地址或密码不正确。", chineseHtml);
        Assert.Contains("alert-danger", chineseHtml);
        Assert.DoesNotContain("Invalid login attempt", chineseHtml);
        Assert.Contains("value=\"zh-wrong@example.org\"", chineseHtml); // the address is kept
        AssertNoEnglish("the failed Chinese sign-in", chineseHtml);
        Assert.Contains("Error: Invalid login attempt.", await english.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_missing_field_is_named_in_the_pages_language()
    {
        var chinese = await (await PostLoginAsync(portal.NewClient(), "/zh-CN", "", "")).Content.ReadAsStringAsync();
        var english = await (await PostLoginAsync(portal.NewClient(), "", "", "")).Content.ReadAsStringAsync();
        var badAddress = await (await PostLoginAsync(portal.NewClient(), "/zh-CN", "not-an-address", "x")).Content.ReadAsStringAsync();

        Assert.Contains("请填写电子邮件。", chinese);
        Assert.Contains("请填写密码。", chinese);
        Assert.DoesNotContain("field is required", chinese);
        AssertNoEnglish("the Chinese form with missing fields", chinese);
        Assert.Contains("The Email field is required.", english);
        Assert.Contains("The Password field is required.", english);
        Assert.Contains("电子邮件不是有效的电子邮件地址。", badAddress);
    }

    [Fact]
    public async Task Signing_in_on_the_Chinese_page_returns_to_the_Chinese_admin_area()
    {
        await portal.CreateAdminAsync("zh-return@example.org");
        var client = portal.NewClient();

        var refused = await client.GetAsync("/zh-CN/admin");
        var login = refused.Headers.Location!;
        Assert.Equal("/zh-CN/Account/Login", login.AbsolutePath);
        var signedIn = await PortalHost.PostFormAsync(client, login.PathAndQuery, "login", new Dictionary<string, string>
        {
            ["Input.Email"] = "zh-return@example.org",
            ["Input.Password"] = PortalHost.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("http://localhost/zh-CN/admin", signedIn.Headers.Location!.OriginalString);
        var admin = await client.GetAsync("/zh-CN/admin");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal("zh-CN", HtmlLang().Match(await admin.Content.ReadAsStringAsync()).Groups[1].Value);
    }

    [Fact]
    public async Task Changing_the_password_speaks_Chinese_from_Identitys_errors_to_the_status_after_the_redirect()
    {
        await portal.CreateAdminAsync("zh-change@example.org");
        var client = await portal.SignedInClientAsync("zh-change@example.org");
        const string page = "/zh-CN/Account/Manage/ChangePassword";

        var wrong = await ChangePasswordAsync(client, page, "wrong current password", "a long enough new password");
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("错误：密码不正确。", wrongHtml);
        AssertNoEnglish("the refused password change", wrongHtml);

        var tooShortForTheForm = await (await ChangePasswordAsync(client, page, PortalHost.Password, "abc")).Content.ReadAsStringAsync();
        Assert.Contains("新密码的长度必须在 6 到 100 个字符之间。", tooShortForTheForm);

        var tooShortForTheRules = await (await ChangePasswordAsync(client, page, PortalHost.Password, "short pw")).Content.ReadAsStringAsync();
        Assert.Contains("错误：密码长度至少为 12 个字符。", tooShortForTheRules);

        var mismatch = await (await ChangePasswordAsync(client, page, PortalHost.Password, "a long enough new password", "another long password")).Content.ReadAsStringAsync();
        Assert.Contains("新密码与确认密码不一致。", mismatch);

        var common = await (await ChangePasswordAsync(client, page, PortalHost.Password, "unbelievable")).Content.ReadAsStringAsync();
        Assert.Contains("此密码在常用密码列表中，请换一个。", common);

        var changed = await ChangePasswordAsync(client, page, PortalHost.Password, "a long enough new password");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("http://localhost/zh-CN/Account/Manage/ChangePassword", changed.Headers.Location!.OriginalString);
        var after = await client.GetStringAsync(changed.Headers.Location);
        Assert.Contains("你的密码已更改。", after);
        Assert.Contains("alert-success", after);
    }

    [Fact]
    public async Task Identitys_own_errors_stay_English_on_the_English_page()
    {
        await portal.CreateAdminAsync("en-change@example.org");
        var client = await portal.SignedInClientAsync("en-change@example.org");

        var wrong = await ChangePasswordAsync(client, "/Account/Manage/ChangePassword", "wrong current password", "a long enough new password");

        Assert.Contains("Error: Incorrect password.", await wrong.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Account/Manage")]
    [InlineData("Account/Manage/ChangePassword")]
    [InlineData("Account/Manage/TwoFactorAuthentication")]
    [InlineData("Account/Manage/EnableAuthenticator")]
    [InlineData("Account/Manage/ResetAuthenticator")]
    [InlineData("Account/Manage/Passkeys")]
    [InlineData("Account/Manage/PersonalData")]
    [InlineData("Account/Manage/DeletePersonalData")]
    [InlineData("Account/Lockout")]
    [InlineData("Account/AccessDenied")]
    [InlineData("Account/ForgotPassword")]
    [InlineData("Account/ResendEmailConfirmation")]
    [InlineData("Account/InvalidPasswordReset")]
    [InlineData("Account/ForgotPasswordConfirmation")]
    [InlineData("Account/ResetPasswordConfirmation")]
    public async Task Each_account_page_is_in_Chinese_under_zh_CN(string path)
    {
        var email = $"zh-{path.Replace('/', '-').ToLowerInvariant()}@example.org";
        await portal.CreateAdminAsync(email);

        await AssertChinesePageAsync(await portal.SignedInClientAsync(email), path, email);
    }

    [Fact]
    public async Task A_status_message_after_a_redirect_keeps_the_language()
    {
        await portal.CreateAdminAsync("zh-status@example.org");
        var client = await portal.SignedInClientAsync("zh-status@example.org");

        // Two-factor sign-in is off for this account: the page says so on the two-factor page, in Chinese.
        var redirected = await client.GetAsync("/zh-CN/Account/Manage/Disable2fa");
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.Equal("/zh-CN/Account/Manage/TwoFactorAuthentication", redirected.Headers.Location!.AbsolutePath);
        var html = await client.GetStringAsync(redirected.Headers.Location);

        Assert.Contains("未启用双重身份验证。", html);
        AssertNoEnglish("the two-factor page with its status", html);
    }

    [Fact]
    public async Task The_second_factor_and_the_two_factor_pages_are_in_Chinese()
    {
        await portal.CreateAdminAsync("zh-2fa@example.org");
        var key = await portal.EnableAuthenticatorAsync("zh-2fa@example.org");
        var client = portal.NewClient();

        var password = await PostLoginAsync(client, "/zh-CN", "zh-2fa@example.org", PortalHost.Password);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        var secondFactor = password.Headers.Location!;
        Assert.Equal("/zh-CN/Account/LoginWith2fa", secondFactor.AbsolutePath);
        var form = await client.GetStringAsync(secondFactor);
        Assert.Contains("双重身份验证", form);
        AssertNoEnglish("the second-factor page", form);
        AssertNoEnglish("the recovery-code page", await client.GetStringAsync("/zh-CN/Account/LoginWithRecoveryCode"));

        var wrongCode = await PortalHost.PostFormAsync(client, secondFactor.PathAndQuery, "login-with-2fa", new Dictionary<string, string>
        {
            ["Input.TwoFactorCode"] = "000000" == Totp.Code(key) ? "111111" : "000000",
        });
        var wrongHtml = await wrongCode.Content.ReadAsStringAsync();
        Assert.Contains("错误：身份验证器验证码无效。", wrongHtml);
        AssertNoEnglish("the refused code", wrongHtml);
        var tooShort = await (await PortalHost.PostFormAsync(client, secondFactor.PathAndQuery, "login-with-2fa", new Dictionary<string, string>
        {
            ["Input.TwoFactorCode"] = "12",
        })).Content.ReadAsStringAsync();
        Assert.Contains("身份验证器验证码的长度必须在 6 到 7 个字符之间。", tooShort);

        var signedIn = await PortalHost.PostFormAsync(client, secondFactor.PathAndQuery, "login-with-2fa", new Dictionary<string, string>
        {
            ["Input.TwoFactorCode"] = Totp.Code(key),
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        foreach (var path in new[] { "Account/Manage/TwoFactorAuthentication", "Account/Manage/Disable2fa", "Account/Manage/GenerateRecoveryCodes" })
        {
            var html = await client.GetStringAsync("/zh-CN/" + path);
            AssertNoEnglish(path, html, "zh-2fa@example.org");
        }

        var codes = await PortalHost.PostFormAsync(client, "/zh-CN/Account/Manage/GenerateRecoveryCodes", "generate-recovery-codes", []);
        var codesHtml = await codes.Content.ReadAsStringAsync();
        Assert.Contains("你已生成新的恢复代码。", codesHtml);
        Assert.Equal(10, Regex.Matches(codesHtml, "<code class=\"recovery-code\">").Count);
        AssertNoEnglish("the new recovery codes", Regex.Replace(codesHtml, "<code class=\"recovery-code\">[^<]*</code>", " "), "zh-2fa@example.org");
    }

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string prefix, string email, string password) =>
        await PortalHost.PostFormAsync(client, prefix + "/Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    private static async Task<HttpResponseMessage> ChangePasswordAsync(HttpClient client, string page, string current, string next, string? confirm = null) =>
        await PortalHost.PostFormAsync(client, page, "change-password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = confirm ?? next,
        });
}
