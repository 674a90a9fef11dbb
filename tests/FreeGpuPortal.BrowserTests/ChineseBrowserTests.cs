using System.Text.RegularExpressions;

using Deque.AxeCore.Playwright;

using Microsoft.Playwright;

using static FreeGpuPortal.BrowserTests.PageConditions;

namespace FreeGpuPortal.BrowserTests;

/// <summary>The portal in Simplified Chinese under /zh-CN/, in a real browser: language choice, and the admin area's interactive pages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ChineseBrowserTests(BrowserFixture fixture)
{
    private const string Email = "zh-admin@example.org";
    private const string Password = "a quiet lake at dawn in spring";

    private static Task WaitUntilInteractiveAsync(IPage page) =>
        page.Locator(".admin-shell[data-interactive=true]").WaitForAsync(new() { Timeout = 20_000 });

    private static async Task AssertNoAxeViolationsAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => !document.querySelector('.mud-snackbar')", null, new() { Timeout = 20_000 });
        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0, page.Url + ": " + string.Join("\n", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")));
    }

    [Fact]
    public async Task A_browser_preferring_Chinese_is_offered_the_Chinese_page_and_the_choice_is_remembered()
    {
        var page = await fixture.NewPageAsync(locale: "zh-CN");
        await page.GotoAsync("/platforms/kaggle");
        await WaitUntilEnhancedAsync(page);
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        var suggestion = page.Locator("[data-language-suggestion]");
        await suggestion.WaitForAsync();
        await AssertNoAxeViolationsAsync(page);

        await suggestion.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync(new Regex("/zh-CN/platforms/kaggle$"));
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));

        // Chosen: back in English, no suggestion any more.
        await page.Locator("a.language-switch").ClickAsync();
        await page.WaitForURLAsync(new Regex("/platforms/kaggle$"));
        await WaitUntilEnhancedAsync(page);
        Assert.False(await suggestion.IsVisibleAsync());

        var english = await fixture.NewPageAsync();
        await english.GotoAsync("/");
        await WaitUntilEnhancedAsync(english);
        Assert.False(await english.Locator("[data-language-suggestion]").IsVisibleAsync());
    }

    [Fact]
    public async Task Dismissing_the_suggestion_keeps_it_away()
    {
        var page = await fixture.NewPageAsync(locale: "zh-CN");
        await page.GotoAsync("/");
        await WaitUntilEnhancedAsync(page);
        await page.Locator("[data-language-dismiss]").ClickAsync();
        Assert.False(await page.Locator("[data-language-suggestion]").IsVisibleAsync());

        await page.ReloadAsync();
        await WaitUntilEnhancedAsync(page);
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.False(await page.Locator("[data-language-suggestion]").IsVisibleAsync());
    }

    [Fact]
    public async Task An_admin_signs_in_and_edits_under_the_Chinese_prefix()
    {
        var (exitCode, output) = await fixture.RunPortalCommandAsync(Password, "admin", "create", "--email", Email);
        Assert.True(exitCode == 0 || output.Contains("exists already", StringComparison.Ordinal), output);

        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/zh-CN/admin");
        await page.WaitForURLAsync(new Regex("/zh-CN/Account/Login"));
        await page.Locator("[id='Input.Email']").FillAsync(Email);
        await page.Locator("[id='Input.Password']").FillAsync(Password);
        await page.Locator("button[type=submit].btn-primary").ClickAsync();
        await page.WaitForURLAsync(new Regex("/zh-CN/admin$"));
        await WaitUntilInteractiveAsync(page);
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        await AssertNoAxeViolationsAsync(page);

        // The Chinese note of a value, edited beside its English one: the Chinese page shows it, the English page keeps
        // the English note.
        await page.GotoAsync("/zh-CN/admin/platforms/gradient/edit?section=StorageGb");
        await WaitUntilInteractiveAsync(page);
        await AssertNoAxeViolationsAsync(page);
        var english = page.Locator("#f-StorageGb-Note");
        var note = page.Locator("#f-StorageGb-NoteZh");
        Assert.Equal("存储（GB） – 备注（中文）", (await page.Locator("label[for='f-StorageGb-NoteZh']").InnerTextAsync()).Trim());
        var englishNote = await english.InputValueAsync();
        var original = await note.InputValueAsync();
        Assert.Equal("可用存储空间较少。", original);
        await english.FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await note.EvaluateAsync<bool>("e => e === document.activeElement"), "Tab from the English note reaches its Chinese");
        await note.FillAsync("管理员在中文页面上修改的备注。");
        await page.Keyboard.PressAsync("Tab");
        await page.Locator("#f-Evidence-EvidenceUrl").FillAsync("https://gradient.paperspace.com/free-gpu");
        await page.Keyboard.PressAsync("Tab");
        await page.Locator("[data-testid=save]").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/zh-CN/admin/platforms/gradient/history\?saved=\d+$"));
        await page.Locator("[data-testid=saved-message]").WaitForAsync();
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Contains("管理员在中文页面上修改的备注。", await page.Locator("main").InnerTextAsync());

        await page.GotoAsync("/zh-CN/platforms/gradient");
        var chineseSpecs = await page.Locator("[data-testid=spec-table]").InnerTextAsync();
        Assert.Contains("管理员在中文页面上修改的备注。", chineseSpecs);
        Assert.DoesNotContain(englishNote, chineseSpecs);
        await AssertNoAxeViolationsAsync(page);
        await page.GotoAsync("/platforms/gradient");
        var englishSpecs = await page.Locator("[data-testid=spec-table]").InnerTextAsync();
        Assert.Contains(englishNote, englishSpecs);
        Assert.DoesNotContain("管理员在中文页面上修改的备注。", englishSpecs);

        // Put the seeded note back for the other tests.
        await page.GotoAsync("/zh-CN/admin/platforms/gradient/edit?section=StorageGb");
        await WaitUntilInteractiveAsync(page);
        await page.Locator("#f-StorageGb-NoteZh").FillAsync(original);
        await page.Keyboard.PressAsync("Tab");
        await page.Locator("#f-Evidence-EvidenceUrl").FillAsync("https://gradient.paperspace.com/free-gpu");
        await page.Keyboard.PressAsync("Tab");
        await page.Locator("[data-testid=save]").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/zh-CN/admin/platforms/gradient/history\?saved=\d+$"));
    }

    [Fact]
    public async Task A_visitor_sorts_filters_goes_back_and_compares_in_Chinese_on_desktop_and_phone()
    {
        var page = await fixture.NewPageAsync(locale: "zh-CN");
        await page.GotoAsync("/zh-CN/");
        await WaitUntilEnhancedAsync(page);
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Contains("免费 GPU 平台", await page.Locator("h1").InnerTextAsync());
        await ExpectRowsAsync(page, "colab", "kaggle", "gradient");
        await AssertNoAxeViolationsAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("comparison-zh-desktop.png"), FullPage = false });
        await page.EvaluateAsync("window.__sameDocument = true");

        await page.Locator("th[data-sort-key=gpuMemoryGb] a").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/zh-CN/\?sort=gpuMemoryGb$"));
        await page.Locator("th[data-sort-key=gpuMemoryGb] a").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/zh-CN/\?sort=-gpuMemoryGb$"));
        await ExpectRowsAsync(page, "kaggle", "colab", "gradient");

        await page.GetByLabel("最小 GPU 显存（GB）").FillAsync("12");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/zh-CN/\?minGpuMemoryGb=12&sort=-gpuMemoryGb$"));
        await ExpectRowsAsync(page, "kaggle");
        Assert.True(await page.EvaluateAsync<bool>("window.__sameDocument === true"), "the filter caused a full page load");
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));

        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/zh-CN/\?sort=-gpuMemoryGb$"));
        await ExpectRowsAsync(page, "kaggle", "colab", "gradient");

        await page.Locator("input.compare-pick[value=kaggle]").CheckAsync();
        await page.Locator("input.compare-pick[value=colab]").CheckAsync();
        await page.Locator("form[data-compare-form] button[type=submit], button[form=compare-form]").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/zh-CN/compare\?p="));
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        await AssertNoAxeViolationsAsync(page);

        var phone = await fixture.NewPageAsync(390, 844, locale: "zh-CN");
        await phone.GotoAsync("/zh-CN/");
        await WaitUntilEnhancedAsync(phone);
        await AssertNoAxeViolationsAsync(phone);
        await phone.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("comparison-zh-phone.png"), FullPage = false });
        await phone.GotoAsync("/zh-CN/platforms/kaggle");
        Assert.Contains("缺点", await phone.Locator("main").InnerTextAsync());
        await AssertNoAxeViolationsAsync(phone);
    }
}
