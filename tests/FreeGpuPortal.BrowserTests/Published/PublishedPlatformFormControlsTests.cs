using System.Text.Json;
using System.Text.RegularExpressions;

using Microsoft.Playwright;

namespace FreeGpuPortal.BrowserTests.Published;

/// <summary>
/// Every kind of control on the platform edit form, used as a person uses it, on the published build in Production
/// with two-factor sign-in, in English and under /zh-CN/: each select opened with the mouse and an option clicked,
/// then opened with the keyboard (focus, Enter, an arrow, Enter); a checkbox ticked and unticked with the mouse and
/// ticked with the space bar; dates and numbers typed; a GPU option added and one removed; a feature's state changed;
/// Save; a reload; and the new values read back from the public API. A console error or Blazor's "unhandled error"
/// bar on any page fails the test (<see cref="BrowserErrors"/>): until MudBlazor's script was loaded on the admin
/// pages, the first click on a select crashed the circuit.
/// </summary>
[Collection(PublishedFormsCollection.Name)]
public sealed class PublishedPlatformFormControlsTests(PublishedFormsFixture portal)
{
    private const string Evidence = "https://example.org/free-tier-terms";

    /// <summary>The texts a person reads on the form, in one language.</summary>
    private sealed record FormTexts(
        string Prefix, string StatusDiscontinued, string StatusChanged, string QuotaNone, string QuotaLimited,
        string FeatureYes, string FeatureNo, string AddGpu, string AddSource);

    private static readonly FormTexts English = new(
        "", "Discontinued", "Free tier reduced", "No weekly quota", "Limited (hours below)", "Stated: yes", "Stated: no", "Add a GPU option", "Add a source");

    private static readonly FormTexts Chinese = new(
        "/zh-CN", "已停止服务", "免费套餐已缩减", "无每周配额", "有限（小时数见下方）", "已说明：有", "已说明：无", "添加 GPU 选项", "添加来源");

    [Fact]
    public Task Every_control_of_the_platform_form_works_with_mouse_and_keyboard_in_English() =>
        UseEveryControlAsync(English, "gradient", removedGpu: "quadro-m4000", mouseGpu: "Tesla K80", keyboardGpu: "Tesla P100 (PCIe)", expectedGpu: "tesla-p100");

    [Fact]
    public Task Every_control_of_the_platform_form_works_with_mouse_and_keyboard_in_Chinese() =>
        UseEveryControlAsync(Chinese, "kaggle", removedGpu: "tesla-p100", mouseGpu: "Tesla P4", keyboardGpu: "Tesla T4", expectedGpu: "tesla-t4");

    private async Task UseEveryControlAsync(
        FormTexts texts, string slug, string removedGpu, string mouseGpu, string keyboardGpu, string expectedGpu)
    {
        var page = await portal.NewPageAsync();
        await portal.SignInAdminAsync(page, PublishedFormsFixture.AdminEmail);
        await page.GotoAsync($"{texts.Prefix}/admin/platforms/{slug}/edit?section=general");
        await PublishedFormsFixture.WaitUntilInteractiveAsync(page);
        await page.Locator("[data-testid=platform-form]").WaitForAsync();
        var features = await page.Locator("[data-feature]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.feature)");
        var before = await ApiAsync(slug);

        // A select with the mouse, then the same select with the keyboard.
        await ChooseWithMouseAsync(page, "Status", texts.StatusDiscontinued);
        await ChooseWithKeyboardAsync(page, "Status", "ArrowUp", texts.StatusChanged);

        // A changed value whose old note may no longer hold: its checkbox ticked, unticked (mouse), ticked (space).
        await ShowSectionAsync(page, "RamGb");
        await TypeAsync(page, "RamGb.Max", "31");
        var keepNote = page.Locator("[data-testid=RamGb-keep-note]").GetByRole(AriaRole.Checkbox);
        await keepNote.ClickAsync();
        await Assertions.Expect(keepNote).ToBeCheckedAsync();
        await keepNote.ClickAsync();
        await Assertions.Expect(keepNote).Not.ToBeCheckedAsync();
        await keepNote.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(keepNote).ToBeCheckedAsync();

        // The weekly quota's kind both ways, then its hours and their date typed.
        await ShowSectionAsync(page, "WeeklyGpuHours");
        await ChooseWithMouseAsync(page, "WeeklyQuotaKind", texts.QuotaNone);
        await ChooseWithKeyboardAsync(page, "WeeklyQuotaKind", "ArrowUp", texts.QuotaLimited);
        await TypeAsync(page, "WeeklyGpuHours.Min", "12");
        await TypeAsync(page, "WeeklyGpuHours.Max", "12");
        await TypeDateAsync(page, "WeeklyGpuHours.AsOf", "2026-11-30");

        // GPU options: remove the first, add one and choose its model both ways, type its count and date.
        await ShowSectionAsync(page, "gpus");
        var rows = page.Locator("[data-gpu-row]");
        var rowCount = await rows.CountAsync();
        Assert.Equal(before.GetProperty("gpuOptions")[0].GetProperty("slug").GetString(), removedGpu);
        await rows.First.Locator("[data-testid=remove-gpu]").ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(rowCount - 1);
        await page.GetByRole(AriaRole.Button, new() { Name = texts.AddGpu }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(rowCount);
        var added = $"Gpus[{rowCount - 1}]";
        await ChooseWithMouseAsync(page, $"{added}.GpuModelSlug", mouseGpu);
        await ChooseWithKeyboardAsync(page, $"{added}.GpuModelSlug", "ArrowDown", keyboardGpu);
        await TypeAsync(page, $"{added}.PerSession", "1");
        await TypeDateAsync(page, $"{added}.AsOf", "2026-11-29");

        // Every feature's state: "no" with the mouse, then "yes" with the keyboard; one newly stated gets a date.
        await ShowSectionAsync(page, "features");
        foreach (var feature in features)
        {
            await ChooseWithMouseAsync(page, $"FeatureState.{feature}", texts.FeatureNo);
            await ChooseWithKeyboardAsync(page, $"FeatureState.{feature}", "ArrowUp", texts.FeatureYes);
        }

        var dated = features.First(f => !before.GetProperty("features").EnumerateArray().Any(e => e.GetProperty("key").GetString() == f));
        var datedPath = await page.Locator($"[data-feature={dated}] input[type=date]").GetAttributeAsync("id");
        await TypeDateAsync(page, datedPath!["f-".Length..], "2026-11-28", byId: true);

        // A source row added and typed into, then removed again.
        await ShowSectionAsync(page, "sources");
        var sources = page.Locator("[data-source-row]");
        var sourceCount = await sources.CountAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = texts.AddSource }).ClickAsync();
        await Assertions.Expect(sources).ToHaveCountAsync(sourceCount + 1);
        await TypeAsync(page, $"Sources[{sourceCount}].Url", "https://example.org/a-source-to-remove");
        await sources.Last.Locator("[data-testid=remove-source]").ClickAsync();
        await Assertions.Expect(sources).ToHaveCountAsync(sourceCount);

        // The evidence, then Save, with the mouse.
        await TypeAsync(page, "Evidence.EvidenceUrl", Evidence);
        await page.Locator("[data-testid=save]").ClickAsync();
        await page.WaitForURLAsync(new Regex($@"{Regex.Escape(texts.Prefix)}/admin/platforms/{slug}/history\?saved=\d+$"));

        // What the public API now says.
        var after = await ApiAsync(slug);
        Assert.Equal("changed", after.GetProperty("status").GetString());
        Assert.Equal("limited", after.GetProperty("weeklyQuotaKind").GetString());
        Assert.Equal(12, after.GetProperty("weeklyGpuHours").GetProperty("min").GetDouble());
        Assert.Equal("2026-11-30", after.GetProperty("weeklyGpuHours").GetProperty("asOf").GetString());
        Assert.Equal(31, after.GetProperty("ramGb").GetProperty("max").GetDouble());
        Assert.Equal(before.GetProperty("ramGb").GetProperty("note").GetString(), after.GetProperty("ramGb").GetProperty("note").GetString());
        var gpus = after.GetProperty("gpuOptions").EnumerateArray().ToList();
        Assert.DoesNotContain(gpus, g => g.GetProperty("slug").GetString() == removedGpu);
        var chosen = Assert.Single(gpus, g => g.GetProperty("slug").GetString() == expectedGpu);
        Assert.Equal(1, chosen.GetProperty("gpusPerSession").GetInt32());
        Assert.Equal("2026-11-29", chosen.GetProperty("asOf").GetString());
        var stated = after.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!, f => f.GetProperty("available").GetBoolean());
        Assert.All(features, f => Assert.True(stated.GetValueOrDefault(f), $"feature {f} is stated available"));
        Assert.Equal("2026-11-28", after.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("key").GetString() == dated).GetProperty("asOf").GetString());

        // A reload of the form shows what was saved.
        await page.GotoAsync($"{texts.Prefix}/admin/platforms/{slug}/edit?section=all");
        await page.ReloadAsync();
        await PublishedFormsFixture.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(Field(page, "Status")).ToHaveValueAsync(texts.StatusChanged);
        await Assertions.Expect(Field(page, "WeeklyQuotaKind")).ToHaveValueAsync(texts.QuotaLimited);
        await Assertions.Expect(page.Locator("[data-gpu-row] [role=combobox]")).ToHaveCountAsync(gpus.Count);
        Assert.Contains(
            await page.Locator("[data-gpu-row] [role=combobox]").EvaluateAllAsync<string[]>("boxes => boxes.map(b => b.value)"),
            value => value.StartsWith(keyboardGpu, StringComparison.Ordinal));
        foreach (var feature in features)
        {
            await Assertions.Expect(Field(page, $"FeatureState.{feature}")).ToHaveValueAsync(texts.FeatureYes);
        }

        // For the docs: an open select on a desktop in light mode and on a phone in dark mode.
        var language = texts.Prefix.Length == 0 ? "en" : "zh";
        foreach (var (width, scheme) in new[] { (1400, ColorScheme.Light), (375, ColorScheme.Dark) })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            await Field(page, "Status").ClickAsync();
            await OpenOptions(page).First.WaitForAsync();
            await Task.Delay(500); // MudBlazor's popover fades in over 251 ms: picture it once it has
            await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath($"admin-select-{language}-{(width < 600 ? "phone-dark" : "desktop")}.png") });
            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(OpenOptions(page)).ToHaveCountAsync(0);
        }
    }

    private static ILocator Field(IPage page, string path) =>
        page.Locator("#f-" + Regex.Replace(path, "[^A-Za-z0-9]+", "-").TrimEnd('-'));

    private static ILocator OpenOptions(IPage page) => page.Locator(".mud-popover-open [role=option]");

    private static async Task ShowSectionAsync(IPage page, string section)
    {
        await page.Locator($"[data-section-link={section}]").ClickAsync();
        await Assertions.Expect(page.Locator($"[data-section-link={section}]")).ToHaveAttributeAsync("aria-pressed", "true");
    }

    /// <summary>Clicks the select, then the option whose text starts with <paramref name="option"/>.</summary>
    private static async Task ChooseWithMouseAsync(IPage page, string path, string option)
    {
        var select = Field(page, path);
        await select.ClickAsync();
        await OpenOptions(page).Filter(new() { HasTextRegex = new Regex("^" + Regex.Escape(option)) }).ClickAsync();
        await Assertions.Expect(OpenOptions(page)).ToHaveCountAsync(0);
        await Assertions.Expect(select).ToHaveValueAsync(new Regex("^" + Regex.Escape(option)));
    }

    /// <summary>Focuses the select, opens it with Enter, moves with <paramref name="arrow"/> and chooses with Enter.</summary>
    private static async Task ChooseWithKeyboardAsync(IPage page, string path, string arrow, string expected)
    {
        var select = Field(page, path);
        await select.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await OpenOptions(page).First.WaitForAsync();
        await page.Keyboard.PressAsync(arrow);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(OpenOptions(page)).ToHaveCountAsync(0);
        await Assertions.Expect(select).ToHaveValueAsync(new Regex("^" + Regex.Escape(expected)));
    }

    /// <summary>Clicks into the field, selects what is there and types over it, then leaves it with Tab.</summary>
    private static async Task TypeAsync(IPage page, string path, string text)
    {
        var field = Field(page, path);
        await field.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(text);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(field).ToHaveValueAsync(text);
    }

    /// <summary>
    /// Types a date into the browser's date field as a person does: a click on its first part, then the digits of
    /// month, day and year in the order the field shows them, then Tab. The field's order follows the browser's own
    /// language (Chromium headless: en-US, mm/dd/yyyy), which neither the context's locale nor --lang changes.
    /// </summary>
    private static async Task TypeDateAsync(IPage page, string path, string isoDate, bool byId = false)
    {
        var field = byId ? page.Locator("#f-" + path) : Field(page, path);
        var box = await field.BoundingBoxAsync() ?? throw new InvalidOperationException($"{path} is not on screen");
        await field.ClickAsync(new() { Position = new() { X = 16, Y = box.Height / 2 } });
        await Assertions.Expect(field).ToBeFocusedAsync();
        var date = DateOnly.ParseExact(isoDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.Keyboard.TypeAsync(date.ToString("MMddyyyy", System.Globalization.CultureInfo.InvariantCulture));
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(field).ToHaveValueAsync(isoDate);
    }

    private async Task<JsonElement> ApiAsync(string slug)
    {
        using var client = portal.NewHttpClient();
        var json = await client.GetStringAsync($"/api/v1/platforms/{slug}");
        return JsonDocument.Parse(json).RootElement.Clone();
    }
}
