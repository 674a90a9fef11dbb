using System.Text.RegularExpressions;

using Deque.AxeCore.Playwright;

using Microsoft.Playwright;

namespace FreeGpuPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class AdminBrowserTests(BrowserFixture fixture)
{
    private const string Email = "first-admin@example.org";
    private const string Password = "a quiet lake at dawn";

    private async Task<IPage> SignedInAdminAsync()
    {
        var (exitCode, output) = await fixture.RunPortalCommandAsync(Password, "admin", "create", "--email", Email);
        Assert.True(exitCode == 0 || output.Contains("exists already", StringComparison.Ordinal), output);

        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login?ReturnUrl=%2Fadmin");
        await page.GetByLabel("Email").FillAsync(Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/admin$"));
        await WaitUntilInteractiveAsync(page);
        return page;
    }

    private static Task WaitUntilInteractiveAsync(IPage page) =>
        page.Locator(".admin-shell[data-interactive=true]").WaitForAsync(new() { Timeout = 20_000 });

    private static async Task<string> IdleOnTableAsync(IPage page, string slug)
    {
        await page.GotoAsync("/");
        return (await page.Locator($"tr[data-platform={slug}] td[data-column=idle] .sourced-value").InnerTextAsync()).Trim();
    }

    private static async Task AssertNoSeriousAxeViolationsAsync(IPage page)
    {
        // A snackbar fades in and out; measured mid-fade, its half-transparent text fails contrast. Scan once it is
        // gone; one that appears during the scan (a save's message arriving late) is waited out and the scan repeated.
        List<Deque.AxeCore.Commons.AxeResultItem> serious;
        var attempt = 0;
        do
        {
            await page.WaitForFunctionAsync("() => !document.querySelector('.mud-snackbar')", null, new() { Timeout = 20_000 });
            var result = await page.RunAxe();
            serious = [.. result.Violations.Where(v => v.Impact is "serious" or "critical")];
        }
        while (++attempt < 3 && serious.Count > 0 && serious.All(v => v.Id == "color-contrast"
            && v.Nodes.All(n => n.Target?.ToString()?.Contains("mud-snackbar", StringComparison.Ordinal) == true)));

        Assert.True(serious.Count == 0, page.Url + ": " + string.Join("\n", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")));
    }

    [Fact]
    public async Task An_admin_changes_colabs_idle_time_with_evidence_sees_it_everywhere_and_reverts_it()
    {
        var page = await SignedInAdminAsync();
        await AssertNoSeriousAxeViolationsAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("admin-catalog.png"), FullPage = true });
        Assert.Equal("30 min", await IdleOnTableAsync(page, "colab"));

        await page.GotoAsync("/admin/platforms/colab/edit?section=IdleTimeoutMinutes");
        await WaitUntilInteractiveAsync(page);
        await page.GetByLabel("Idle timeout (min) – minimum").FillAsync("45");
        await page.Keyboard.PressAsync("Tab");
        await page.GetByLabel("Idle timeout (min) – maximum").FillAsync("45");
        await page.Keyboard.PressAsync("Tab");
        await page.GetByLabel("Evidence URL").FillAsync("https://research.google.com/colaboratory/faq.html");
        await page.Keyboard.PressAsync("Tab");
        await AssertNoSeriousAxeViolationsAsync(page);
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("admin-edit.png"), FullPage = false });
        await page.Locator("[data-testid=save]").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/admin/platforms/colab/history\?saved=\d+$"));
        await page.Locator("[data-testid=saved-message]").WaitForAsync();

        var entry = page.Locator("li[data-change-id][data-kind=Edit]").First;
        Assert.Contains("45", await entry.InnerTextAsync());
        Assert.Contains("research.google.com/colaboratory/faq.html", await entry.InnerHTMLAsync());
        await AssertNoSeriousAxeViolationsAsync(page);

        Assert.Equal("45 min", await IdleOnTableAsync(page, "colab"));
        await page.GotoAsync("/platforms/colab");
        Assert.Contains("45", await page.Locator("[data-testid=platform-history]").InnerTextAsync());

        await page.GotoAsync("/admin/platforms/colab/history");
        await WaitUntilInteractiveAsync(page);
        await page.Locator("li[data-change-id][data-kind=Edit]").First.Locator("[data-testid=revert]").ClickAsync();
        var confirm = page.Locator("[data-testid=confirm-revert]");
        if (await confirm.CountAsync() > 0)
        {
            await confirm.First.ClickAsync();
        }

        await page.Locator("[data-testid=revert-done]").First.WaitForAsync();
        await page.Locator("li[data-change-id][data-kind=Revert]").First.WaitForAsync();
        Assert.Equal("30 min", await IdleOnTableAsync(page, "colab"));
    }

    [Fact]
    public async Task A_bad_value_shows_its_field_message_and_keeps_the_other_inputs()
    {
        var page = await SignedInAdminAsync();
        await page.GotoAsync("/admin/platforms/kaggle/edit?section=all");
        await WaitUntilInteractiveAsync(page);

        await page.Locator("#f-Name").FillAsync("Kaggle Notebooks");
        await page.Keyboard.PressAsync("Tab");
        await page.GetByLabel("Idle timeout (min) – minimum").FillAsync("20000");
        await page.Keyboard.PressAsync("Tab");
        await page.Locator("[data-testid=save]").ClickAsync();

        var message = page.Locator("[data-field-error='IdleTimeoutMinutes.Min']");
        await message.WaitForAsync();
        Assert.Contains("10,080", (await message.InnerTextAsync()).Replace("10080", "10,080", StringComparison.Ordinal));
        Assert.Equal("Kaggle Notebooks", await page.Locator("#f-Name").InputValueAsync());
        Assert.Equal("20000", await page.GetByLabel("Idle timeout (min) – minimum").InputValueAsync());
        Assert.Matches(new Regex("/admin/platforms/kaggle/edit\\?section=all$"), page.Url);
    }

    [Fact]
    public async Task The_transfer_page_checks_a_loaded_file_before_anything_is_applied()
    {
        var page = await SignedInAdminAsync();
        await page.GotoAsync("/admin/catalog/transfer");
        await WaitUntilInteractiveAsync(page);

        var export = await page.APIRequest.GetAsync("/admin/catalog/export.json");
        Assert.Equal(200, export.Status);
        var file = System.Text.Json.Nodes.JsonNode.Parse(await export.TextAsync())!;
        var kaggle = file["platforms"]!.AsArray().Single(p => (string?)p!["slug"] == "kaggle")!;
        kaggle["idleTimeoutMinutes"]!["min"] = 25;
        var json = file.ToJsonString();
        // A file of this size is loaded through the file input: the circuit takes messages up to 32 KB, too small to paste it.
        await page.Locator("#import-file").SetInputFilesAsync(new FilePayload
        {
            Name = "catalog.json",
            MimeType = "application/json",
            Buffer = System.Text.Encoding.UTF8.GetBytes(json),
        });
        await page.Locator("[data-testid=transfer-message]").WaitForAsync();
        await page.Locator("[data-testid=preview]").ClickAsync();

        await page.Locator("[data-testid=import-preview]").WaitForAsync();
        Assert.Equal("Changed", await page.Locator("[data-testid=import-preview] tr[data-platform=kaggle]").GetAttributeAsync("data-kind"));
        Assert.Equal("Unchanged", await page.Locator("[data-testid=import-preview] tr[data-platform=colab]").GetAttributeAsync("data-kind"));
        var idle = await page.Locator("[data-testid=import-preview] li[data-field=IdleTimeoutMinutes]").InnerTextAsync();
        Assert.StartsWith("Idle timeout (min): 20 min", idle, StringComparison.Ordinal);
        Assert.True(idle.Contains("→ 25", StringComparison.Ordinal), idle);
        await page.Locator("[data-testid=import-preview]").ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("admin-import-preview.png") });
        await AssertNoSeriousAxeViolationsAsync(page);
        Assert.Equal("20 min", await IdleOnTableAsync(page, "kaggle")); // previewing applies nothing
    }

    [Fact]
    public async Task After_signing_out_the_admin_area_sends_to_sign_in()
    {
        var page = await SignedInAdminAsync();

        await page.Locator("[data-testid=sign-out]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.GotoAsync("/admin");

        Assert.Matches(new Regex("/Account/Login"), page.Url);
        await AssertNoSeriousAxeViolationsAsync(page);
    }

    [Fact]
    public async Task Verifying_asks_what_was_checked_refuses_without_it_and_the_platform_page_shows_it()
    {
        var page = await SignedInAdminAsync();
        var row = page.Locator("tr[data-platform=kaggle]");

        await row.Locator("[data-testid=verify]").ClickAsync();
        var form = page.Locator("[data-testid=verify-form]");
        await form.WaitForAsync();
        Assert.Contains("what did you check?", await form.InnerTextAsync());
        Assert.Equal("true", await row.GetAttributeAsync("data-stale"));

        await form.Locator("[data-testid=confirm-verify]").ClickAsync(); // no address: refused, nothing recorded
        await Assertions.Expect(form).ToContainTextAsync("page you checked");
        Assert.Equal("true", await row.GetAttributeAsync("data-stale"));

        await page.Locator("#f-Evidence-EvidenceUrl").FillAsync("https://www.kaggle.com/docs/notebooks");
        await page.Locator("#f-Evidence-Note").FillAsync("Compared the quota and idle time.");
        await form.Locator("[data-testid=confirm-verify]").ClickAsync();
        await Assertions.Expect(row).ToHaveAttributeAsync("data-stale", "false");
        await Assertions.Expect(form).ToHaveCountAsync(0);

        await page.GotoAsync("/platforms/kaggle");
        var verified = page.Locator("[data-testid=verified-against] a");
        Assert.Equal("https://www.kaggle.com/docs/notebooks", await verified.GetAttributeAsync("href"));
        await Assertions.Expect(page.Locator("[data-testid=platform-history] [data-kind=Verify]")).ToContainTextAsync("Compared the quota and idle time.");
    }
}
