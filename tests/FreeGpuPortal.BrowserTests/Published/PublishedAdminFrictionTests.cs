using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

using FreeGpuPortal.Web.Catalog.Transfer;

using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

using Xunit.Abstractions;

namespace FreeGpuPortal.BrowserTests.Published;

/// <summary>
/// What an admin does in the browser on the published build in Production: pasting a whole catalog file into the
/// import box (up to the upload limit, and beyond it), reverting a change and seeing the history count move, and a
/// new platform's slug following its name.
/// </summary>
[Collection(PublishedFormsCollection.Name)]
public sealed class PublishedAdminFrictionTests(PublishedFormsFixture portal, ITestOutputHelper output)
{
    private static ILocator Field(IPage page, string path) => page.Locator($"#f-{path.Replace('.', '-')}");

    /// <summary>The seeded catalog's real export, padded with copies of its GPU models and platforms to at least <paramref name="minimumBytes"/>.</summary>
    private static async Task<(string Json, List<string> NewSlugs)> PaddedExportAsync(IPage page, int minimumBytes)
    {
        var response = await page.APIRequest.GetAsync(CatalogTransferEndpoints.ExportPath.TrimStart('/'));
        Assert.True(response.Ok, $"export: {response.Status}");
        var file = JsonNode.Parse(await response.TextAsync())!.AsObject();
        var gpuModels = file["gpuModels"]!.AsArray();
        var platforms = file["platforms"]!.AsArray();
        var originalGpus = gpuModels.Select(g => g!.DeepClone()).ToList();
        var originalPlatforms = platforms.Select(p => p!.DeepClone()).ToList();
        var slugs = new List<string>();
        for (var copy = 1; Encoding.UTF8.GetByteCount(file.ToJsonString()) < minimumBytes; copy++)
        {
            // GPU models this catalog lacks are not added by an import: they only make the file larger, as a
            // maintainer's longer reference list would.
            foreach (var gpu in originalGpus)
            {
                var extra = gpu.DeepClone().AsObject();
                extra["slug"] = $"{extra["slug"]}-pasted-{copy}";
                gpuModels.Add(extra);
            }

            foreach (var platform in originalPlatforms)
            {
                var extra = platform.DeepClone().AsObject();
                var slug = $"pasted-{copy}-{extra["slug"]}";
                extra["slug"] = slug;
                extra["name"] = $"{extra["name"]} (pasted {copy})";
                extra["id"] = 0;
                extra.Remove("concurrencyStamp");
                slugs.Add(slug);
                platforms.Add(extra);
            }
        }

        return (file.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }), slugs);
    }

    /// <summary>Puts the text in the import box as a paste does (all at once, one input event), then a real keypress in the box.</summary>
    private static async Task PasteAsync(IPage page, string text)
    {
        var box = page.Locator("[data-testid=import-json]");
        await box.FillAsync(text, new() { Timeout = 60_000 });
        await box.PressAsync("End");
    }

    /// <summary>
    /// A paste of megabytes: Playwright's fill inserts text at the speed of typing into the editor, minutes for 4 MB
    /// on a busy machine, so the text goes in as a paste puts it (the value set at once and one input event), and a
    /// real keypress follows.
    /// </summary>
    private static async Task PasteLargeAsync(IPage page, string text)
    {
        var box = page.Locator("[data-testid=import-json]");
        await box.EvaluateAsync(
            "(box, text) => { box.focus(); box.value = text; box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' })); }",
            text);
        await box.PressAsync("End");
    }

    /// <summary>
    /// A browser tab busy for 40 s (a pasted file of megabytes laid out on a slow phone, or a machine under load) sends
    /// no keep-alive in that time. The circuit must wait for it rather than close with an error and lose the page.
    /// </summary>
    [Fact]
    public async Task An_admin_page_whose_tab_is_busy_for_40_seconds_keeps_its_circuit()
    {
        var page = await portal.NewPageAsync();
        await portal.SignInAdminAsync(page, PublishedFormsFixture.AdminEmail);
        await page.GotoAsync("/admin/catalog/transfer");
        await PublishedFormsFixture.WaitUntilInteractiveAsync(page);
        await page.Locator("[data-testid=import-note]").FillAsync("Typed before the tab was busy.");

        await page.EvaluateAsync("() => { const end = Date.now() + 40000; while (Date.now() < end) { } }");

        // The page answers at once, on the same circuit: what was typed is still there and a click works (the box is
        // empty, which the file check says).
        await page.Locator("[data-testid=preview]").ClickAsync();
        await Assertions.Expect(page.GetByText("The file is empty.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=import-note]")).ToHaveValueAsync("Typed before the tab was busy.");
        Assert.Empty(BrowserErrors.SeenSoFar);
    }

    [Fact]
    public async Task A_pasted_catalog_file_up_to_the_upload_limit_previews_and_applies_and_a_larger_one_is_refused_keeping_the_text()
    {
        var page = await portal.NewPageAsync();
        var errors = PageConditions.ServerErrors(page);
        await portal.SignInAdminAsync(page, PublishedFormsFixture.AdminEmail);
        await page.GotoAsync("/admin/catalog/transfer");
        await PublishedFormsFixture.WaitUntilInteractiveAsync(page);
        Assert.Equal("A file or a pasted text may be up to 4 MB.", (await page.Locator("[data-testid=import-limit]").InnerTextAsync()).Trim());

        var (json, newSlugs) = await PaddedExportAsync(page, 100 * 1024);
        var bytes = Encoding.UTF8.GetByteCount(json);
        Assert.InRange(bytes, 100 * 1024, CatalogTransfer.MaxFileBytes);
        output.WriteLine($"Padded export: {bytes:N0} bytes, {newSlugs.Count} new platforms.");
        var message = page.Locator("[data-testid=transfer-message]");

        // Exactly the upload limit (the same file, padded with white space, which JSON allows) is read whole.
        var atLimit = json + new string(' ', CatalogTransfer.MaxFileBytes - bytes);
        var timer = Stopwatch.StartNew();
        await PasteLargeAsync(page, atLimit);
        await page.Locator("[data-testid=import-note]").FillAsync("Pasted from the reviewed export.");
        await page.Locator("[data-testid=import-note]").PressAsync("Tab");
        await page.Locator("[data-testid=preview]").ClickAsync();
        await Assertions.Expect(message).ToHaveTextAsync($"The file is valid: {newSlugs.Count} platforms would be added or changed.", new() { Timeout = 90_000 });
        output.WriteLine($"Paste and preview of {CatalogTransfer.MaxFileBytes:N0} bytes: {timer.ElapsedMilliseconds} ms.");

        // The 100 KB file itself, previewed and applied: every new platform is in the catalog.
        await PasteAsync(page, json);
        await page.Locator("[data-testid=preview]").ClickAsync();
        await Assertions.Expect(page.Locator($"[data-testid=import-preview] tr[data-platform='{newSlugs[^1]}']")).ToBeVisibleAsync();
        await Assertions.Expect(message).ToHaveTextAsync($"The file is valid: {newSlugs.Count} platforms would be added or changed.");
        await page.Locator("[data-testid=apply]").ClickAsync();
        await Assertions.Expect(message).ToContainTextAsync($"Applied: {newSlugs.Count} platforms added or changed", new() { Timeout = 60_000 });
        Assert.Equal(newSlugs.Count, await portal.ReadCatalogAsync(db => db.Platforms.CountAsync(p => newSlugs.Contains(p.Slug))));

        // One byte over the limit: a clear message, nothing read, the text still in the box, the page still live.
        var overLimit = json + new string(' ', CatalogTransfer.MaxFileBytes + 1 - bytes);
        await PasteLargeAsync(page, overLimit);
        await page.Locator("[data-testid=preview]").ClickAsync();
        await Assertions.Expect(message).ToHaveTextAsync(
            "The pasted text is 4,097 KB; the limit is 4,096 KB (4 MB), as for a file. Nothing was read; your text is still in the box.");
        Assert.Equal(overLimit.Length, await page.Locator("[data-testid=import-json]").EvaluateAsync<int>("box => box.value.length"));
        Assert.Equal(0, await page.Locator("[data-testid=import-preview]").CountAsync());
        await Assertions.Expect(page.Locator("[data-testid=apply]")).ToBeDisabledAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_revert_updates_the_history_list_and_its_count_without_a_reload()
    {
        var page = await portal.NewPageAsync();
        await portal.SignInAdminAsync(page, PublishedFormsFixture.AdminEmail);
        await PublishedFormsFixture.OpenEditAsync(page, "kaggle", "General");
        await Field(page, "Vendor").FillAsync("Kaggle (a Google company)");
        await Field(page, "Vendor").PressAsync("Tab");
        await page.Locator("[data-testid=save]").ClickAsync();
        // The content, not the load event: on a busy machine Chromium sometimes never reports "load" after this redirect.
        await page.WaitForURLAsync(new Regex(@"/admin/platforms/kaggle/history\?saved=\d+$"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Assertions.Expect(page.Locator("#admin-page-title")).ToHaveTextAsync("History of Kaggle");
        await page.Locator("[data-testid=saved-message]").WaitForAsync();

        var count = page.Locator("[data-testid=history-count]");
        var before = await portal.ReadCatalogAsync(db => db.CatalogChanges.CountAsync(c => c.Platform!.Slug == "kaggle"));
        await Assertions.Expect(count).ToHaveTextAsync(new Regex($"^{before} changes · page 1 of "));
        var saved = page.Locator("li[data-change-id][data-kind=Edit]").First;
        var savedId = await saved.GetAttributeAsync("data-change-id");

        await saved.Locator("[data-testid=revert]").ClickAsync();

        await Assertions.Expect(saved.Locator("[data-testid=revert-done]")).ToContainTextAsync($"Change {savedId} reverted as change ");
        await Assertions.Expect(count).ToHaveTextAsync(new Regex($"^{before + 1} changes · page 1 of "));
        var top = page.Locator("li[data-change-id]").First;
        await Assertions.Expect(top).ToHaveAttributeAsync("data-kind", "Revert");
        await Assertions.Expect(top).ToContainTextAsync(new Regex("just saved", RegexOptions.IgnoreCase));
    }

    [Fact]
    public async Task A_new_platforms_slug_follows_its_name_until_edited_and_a_slug_in_use_is_named_at_the_field()
    {
        var page = await portal.NewPageAsync();
        var errors = PageConditions.ServerErrors(page);
        await portal.SignInAdminAsync(page, PublishedFormsFixture.AdminEmail);
        await page.GotoAsync("/admin/platforms/new");
        await PublishedFormsFixture.WaitUntilInteractiveAsync(page);
        var name = Field(page, "Name");
        var slug = Field(page, "Slug");

        await name.ClickAsync();
        await page.Keyboard.TypeAsync("Kaggle", new() { Delay = 30 });
        await Assertions.Expect(slug).ToHaveValueAsync("kaggle");
        await Assertions.Expect(page.Locator("[data-field-error='Slug']")).ToContainTextAsync("The slug “kaggle” is already in use.");

        await page.Keyboard.TypeAsync(" Café Studio", new() { Delay = 30 });
        await Assertions.Expect(slug).ToHaveValueAsync("kaggle-cafe-studio");
        await Assertions.Expect(page.Locator("[data-field-error='Slug']")).ToHaveCountAsync(0);

        // Edited by hand, the slug stays as typed while the name changes.
        await slug.FillAsync("cafe-studio");
        await slug.PressAsync("Tab");
        await name.ClickAsync();
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.TypeAsync(" Cloud", new() { Delay = 30 });
        await name.PressAsync("Tab");
        await Assertions.Expect(name).ToHaveValueAsync("Kaggle Café Studio Cloud");
        await Assertions.Expect(slug).ToHaveValueAsync("cafe-studio");
        Assert.Empty(errors);
    }
}
