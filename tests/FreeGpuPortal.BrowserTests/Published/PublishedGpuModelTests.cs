using System.Text.RegularExpressions;

using Microsoft.Playwright;

namespace FreeGpuPortal.BrowserTests.Published;

/// <summary>
/// The GPU models of the admin area on the published build in Production, with two-factor sign-in: a model added in
/// its form as a person does it is offered at once in a platform's GPU options, and once chosen there and saved, the
/// public API lists it for that platform.
/// </summary>
[Collection(PublishedFormsCollection.Name)]
public sealed class PublishedGpuModelTests(PublishedFormsFixture portal)
{
    // Test data: an invented model, never catalog content.
    private const string ModelName = "Test Accelerator Q7";
    private const string ModelSlug = "test-accelerator-q7";

    [Fact]
    public async Task A_model_added_in_its_form_is_chosen_in_a_platforms_gpu_select_and_the_api_shows_it()
    {
        var page = await portal.NewPageAsync();
        await portal.SignInAdminAsync(page, PublishedFormsFixture.AdminEmail);

        // From the admin navigation to the list, then the form, with the mouse.
        await page.Locator("[data-testid=nav-gpu-models]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/admin/gpu-models$"));
        await PublishedFormsFixture.WaitUntilInteractiveAsync(page);
        await page.Locator("[data-testid=new-gpu-model]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/admin/gpu-models/new$"));
        await PublishedFormsFixture.WaitUntilInteractiveAsync(page);
        await page.Locator("[data-testid=gpu-model-form]").WaitForAsync();
        Assert.StartsWith("New GPU model", await page.TitleAsync());

        // The name typed key by key; leaving it proposes the slug.
        await page.Locator("#f-Name").ClickAsync();
        await page.Keyboard.TypeAsync(ModelName);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#f-Slug")).ToHaveValueAsync(ModelSlug);
        await TypeIntoAsync(page, "#f-Vendor", "Example Vendor");
        await TypeIntoAsync(page, "#f-MemoryGb", "20");
        await TypeIntoAsync(page, "#f-SourceUrl", "https://gpu.example/q7");
        await TypeIntoAsync(page, "#f-Evidence-Note", "Invented for a browser test.");
        await page.Locator("[data-testid=save]").ClickAsync();

        await page.WaitForURLAsync(new Regex($@"/admin/gpu-models/{ModelSlug}/edit\?saved=\d+$"));
        await PublishedFormsFixture.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Edit GPU model {ModelName}");
        await Assertions.Expect(page.Locator("[data-testid=gpu-model-history] [data-kind=Create]")).ToHaveCountAsync(1);

        // A platform's form, freshly opened, offers the new model: add a GPU option and choose it in the select.
        await PublishedFormsFixture.OpenEditAsync(page, "gradient", "gpus");
        var rows = page.Locator("[data-gpu-row]");
        var before = await rows.CountAsync();
        await page.Locator("[data-testid=add-gpu]").ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(before + 1);
        var row = page.Locator($"[data-gpu-row='{before}']");
        await row.Locator(".mud-select").First.ClickAsync();
        var option = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = ModelName });
        await option.ClickAsync();
        await Assertions.Expect(row.Locator($"#f-Gpus-{before}-GpuModelSlug")).ToHaveValueAsync(new Regex(Regex.Escape(ModelName)));
        await Assertions.Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);

        await TypeIntoAsync(page, "#f-Evidence-EvidenceUrl", "https://gpu.example/gradient-offers-q7");
        await page.Locator("[data-testid=save]").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/admin/platforms/gradient/history\?saved=\d+$"));

        // Visitors see it: the public API lists the option, and the model with the platform offering it.
        Assert.Contains($"\"slug\":\"{ModelSlug}\"", Compact(await portal.PublicValueAsync("gradient", "gpuOptions")));
        using var client = portal.NewHttpClient();
        using var models = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/v1/gpu-models"));
        var q7 = models.RootElement.GetProperty("gpuModels").EnumerateArray().Single(m => m.GetProperty("slug").GetString() == ModelSlug);
        Assert.Equal(["gradient"], q7.GetProperty("platforms").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(20, q7.GetProperty("memoryGb").GetDouble());
    }

    /// <summary>Clicks into a field and types as a person does, then leaves it with Tab (MudBlazor commits on change).</summary>
    private static async Task TypeIntoAsync(IPage page, string selector, string text)
    {
        await page.Locator(selector).ClickAsync();
        await page.Keyboard.TypeAsync(text);
        await page.Keyboard.PressAsync("Tab");
    }

    private static string Compact(string json) => Regex.Replace(json, @"\s+", "");
}
