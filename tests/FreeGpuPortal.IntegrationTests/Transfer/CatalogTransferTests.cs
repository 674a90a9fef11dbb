using System.Net;
using System.Text.Json;

using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Catalog.Transfer;

using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.IntegrationTests.Transfer;

public sealed class CatalogTransferTests : IAsyncLifetime
{
    private static readonly Actor Admin = new("admin-1", "admin@example.org");
    private readonly PortalHost _source = new();
    private readonly PortalHost _target = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _source.DisposeAsync();
        await _target.DisposeAsync();
    }

    private static CatalogTransfer TransferOf(PortalHost factory) => factory.Services.GetRequiredService<CatalogTransfer>();

    private static CatalogEditor EditorOf(PortalHost factory) => factory.Services.GetRequiredService<CatalogEditor>();

    /// <summary>The platforms of an export as JSON: what must be identical between two instances.</summary>
    private static string PlatformsOf(CatalogFile file) => JsonSerializer.Serialize(file.Platforms, CatalogTransfer.JsonOptions);

    private async Task EditSourceCatalogAsync()
    {
        _ = _source.CreateClient(); // start the app: migrate and seed
        var editor = EditorOf(_source);
        var colab = (await editor.GetForEditAsync("colab"))!;
        colab.IdleTimeoutMinutes.Min = 45;
        colab.IdleTimeoutMinutes.Max = 90;
        colab.Pros.Add("Fast to start");
        var updated = await editor.UpdateAsync(new PlatformChangeRequest(colab, new ChangeEvidence { EvidenceUrl = "https://research.google.com/colaboratory/faq.html" }, Admin));
        Assert.IsType<EditResult.Success>(updated);

        var lightning = new PlatformEditModel { Slug = "lightning", Name = "Lightning Studios", Vendor = "Lightning AI" };
        lightning.Gpus.Add(new GpuOptionEditModel { GpuModelSlug = "tesla-t4", PerSession = 1, SourceUrl = "https://lightning.ai/pricing", SourceTitle = "Lightning pricing" });
        lightning.MaxSessionHours.Min = 4;
        lightning.MaxSessionHours.Max = 4;
        var created = await editor.CreateAsync(new PlatformChangeRequest(lightning, new ChangeEvidence { EvidenceUrl = "https://lightning.ai/pricing" }, Admin));
        Assert.IsType<EditResult.Success>(created);
    }

    [Fact]
    public async Task Export_then_import_into_a_fresh_instance_gives_an_identical_catalog_through_audited_changes()
    {
        await EditSourceCatalogAsync();
        var exported = await TransferOf(_source).ExportAsync();
        var json = CatalogTransfer.Serialize(exported);
        _ = _target.CreateClient();

        var evidence = new ChangeEvidence { Note = "moving the catalog" };
        var preview = await TransferOf(_target).PreviewAsync(json, evidence);

        Assert.True(preview.CanApply, string.Join(" ", preview.Problems));
        Assert.Equal(PlatformImportKind.Changed, preview.Platforms.Single(p => p.Slug == "colab").Kind);
        Assert.Equal(["IdleTimeoutMinutes", "Pros"], preview.Platforms.Single(p => p.Slug == "colab").Differences.Select(d => d.Field));
        Assert.Equal(PlatformImportKind.New, preview.Platforms.Single(p => p.Slug == "lightning").Kind);
        Assert.Equal(PlatformImportKind.Unchanged, preview.Platforms.Single(p => p.Slug == "kaggle").Kind);
        Assert.Equal(2, preview.ChangeCount);

        var result = await TransferOf(_target).ApplyAsync(json, Admin, evidence);

        Assert.True(result.Succeeded);
        Assert.Equal(PlatformsOf(exported), PlatformsOf(await TransferOf(_target).ExportAsync()));
        var history = (await _target.Services.GetRequiredService<CatalogHistory>().ForPlatformPageAsync("colab", includeActors: true, page: 1, pageSize: CatalogHistory.MaxPageSize)).Entries;
        var imported = history.First();
        Assert.Equal(ChangeKind.Edit, imported.Kind);
        Assert.Equal("admin@example.org", imported.ActorDisplayName);
        Assert.Contains("Imported from a catalog file: moving the catalog", imported.Note);

        var again = await TransferOf(_target).PreviewAsync(json, evidence);
        Assert.Equal(0, again.ChangeCount); // applying twice changes nothing more
    }

    [Fact]
    public async Task The_catalog_file_carries_the_Chinese_and_the_preview_shows_its_differences()
    {
        _ = _source.CreateClient();
        var editor = EditorOf(_source);
        var kaggle = (await editor.GetForEditAsync("kaggle"))!;
        kaggle.SummaryZh = "Kaggle Notebooks：管理员改写的中文简介。";
        kaggle.IdleTimeoutMinutes.NoteZh = "交互模式下 20 分钟。";
        kaggle.ConsZh = [.. kaggle.ConsZh.Take(1)];
        Assert.IsType<EditResult.Success>(await editor.UpdateAsync(new PlatformChangeRequest(kaggle, new ChangeEvidence { Note = "translation" }, Admin)));

        var exported = await TransferOf(_source).ExportAsync();
        var json = CatalogTransfer.Serialize(exported);
        Assert.Contains("\"summaryZh\": \"Kaggle Notebooks：管理员改写的中文简介。\"", json, StringComparison.Ordinal);
        Assert.Contains("\"nameZh\": \"私有笔记本\"", json, StringComparison.Ordinal);

        _ = _target.CreateClient();
        var preview = await TransferOf(_target).PreviewAsync(json, new ChangeEvidence { Note = "translation" });
        Assert.True(preview.CanApply, string.Join(" ", preview.Problems));
        var differences = preview.Platforms.Single(p => p.Slug == "kaggle").Differences;
        Assert.Equal(["SummaryZh", "IdleTimeoutMinutes", "ConsZh"], differences.Select(d => d.Field));
        Assert.Equal("Summary (Chinese)", differences[0].Label);
        Assert.Equal("Kaggle Notebooks：管理员改写的中文简介。", differences[0].Imported);

        Assert.True((await TransferOf(_target).ApplyAsync(json, Admin, new ChangeEvidence { Note = "translation" })).Succeeded);
        var roundTrip = (await EditorOf(_target).GetForEditAsync("kaggle"))!;
        Assert.Equal("Kaggle Notebooks：管理员改写的中文简介。", roundTrip.SummaryZh);
        Assert.Equal("交互模式下 20 分钟。", roundTrip.IdleTimeoutMinutes.NoteZh);
        Assert.Single(roundTrip.ConsZh);
        Assert.Equal(PlatformsOf(exported), PlatformsOf(await TransferOf(_target).ExportAsync()));
    }

    /// <summary>This instance's export with a feature's and a GPU model's texts edited, as a maintainer edits the file.</summary>
    private async Task<string> FeatureAndGpuModelTextsEditedAsync()
    {
        _ = _target.CreateClient();
        var file = await TransferOf(_target).ExportAsync();
        var json = CatalogTransfer.Serialize(file with
        {
            Features = [.. file.Features.Select(f => f.Key == "private-notebooks"
                ? f with { NameZh = "私密笔记本", Description = "Notebooks only their owner can see." }
                : f)],
            GpuModels = [.. file.GpuModels.Select(g => g.Slug == "tesla-p100"
                ? g with { Note = "A 12 GB variant exists too.", NoteZh = "也有 12 GB 的版本。" }
                : g)],
        });
        Assert.Contains("\"nameZh\": \"私密笔记本\"", json, StringComparison.Ordinal);
        return json;
    }

    [Fact]
    public async Task An_import_changes_feature_and_gpu_model_texts_with_preview_evidence_and_history()
    {
        var json = await FeatureAndGpuModelTextsEditedAsync();
        var transfer = TransferOf(_target);

        var withoutEvidence = await transfer.ApplyAsync(json, Admin, null);
        Assert.False(withoutEvidence.Succeeded);
        Assert.Contains(withoutEvidence.Preview.Problems, p => p.Contains("needs evidence", StringComparison.Ordinal) && p.Contains("Tesla P100", StringComparison.Ordinal));
        Assert.Equal(0, withoutEvidence.ReferenceChanges);

        var evidence = new ChangeEvidence { Note = "Reviewed the feature and GPU texts." };
        var preview = await transfer.PreviewAsync(json, evidence);
        Assert.True(preview.CanApply, string.Join(" ", preview.Problems));
        Assert.All(preview.Platforms, p => Assert.Equal(PlatformImportKind.Unchanged, p.Kind));
        Assert.Equal(2, preview.ChangeCount);
        var feature = preview.References.Single(r => r.Table == ReferenceTable.Feature);
        Assert.Equal(("private-notebooks", "Private notebooks"), (feature.Key, feature.Name));
        Assert.Equal(["Feature:private-notebooks.NameZh", "Feature:private-notebooks.Description"], feature.Differences.Select(d => d.Field));
        Assert.Equal(("私有笔记本", "私密笔记本"), (feature.Differences[0].Current, feature.Differences[0].Imported));
        Assert.Equal("Feature private-notebooks: name (Chinese)", feature.Differences[0].Label);
        var gpu = preview.References.Single(r => r.Table == ReferenceTable.GpuModel);
        Assert.Equal(["GpuModel:tesla-p100.Note", "GpuModel:tesla-p100.NoteZh"], gpu.Differences.Select(d => d.Field));

        var applied = await transfer.ApplyAsync(json, Admin, evidence);
        Assert.True(applied.Succeeded, string.Join(" ", applied.Preview.Problems));
        Assert.Equal(2, applied.ReferenceChanges);
        Assert.Empty(applied.Results); // no platform changed

        // The values changed, as the pages show them.
        var client = _target.CreateClient();
        var chinese = await client.GetStringAsync("/zh-CN/platforms/kaggle");
        Assert.Contains("私密笔记本", chinese, StringComparison.Ordinal);
        Assert.Contains("也有 12 GB 的版本。", chinese, StringComparison.Ordinal);
        Assert.Contains("A 12 GB variant exists too.", await client.GetStringAsync("/platforms/kaggle"), StringComparison.Ordinal);

        // History: each platform whose page shows a changed entry has one entry for the import, with typed values.
        var history = _target.Services.GetRequiredService<CatalogHistory>();
        var kaggle = ((await history.ForPlatformPageAsync("kaggle", includeActors: true, page: 1, pageSize: CatalogHistory.MaxPageSize)).Entries)[0];
        Assert.Equal(Admin.UserId, kaggle.ActorUserId);
        Assert.StartsWith("Imported from a catalog file", kaggle.Note, StringComparison.Ordinal);
        Assert.Equal(
            ["Feature:private-notebooks.NameZh", "Feature:private-notebooks.Description", "GpuModel:tesla-p100.Note", "GpuModel:tesla-p100.NoteZh"],
            kaggle.Fields.Select(f => f.Field));
        Assert.Equal("私密笔记本", JsonSerializer.Deserialize<string>(kaggle.Fields[0].NewJson!));
        Assert.Equal("GPU model tesla-p100: note (Chinese)", kaggle.Fields[3].Label);
        var gradient = ((await history.ForPlatformPageAsync("gradient", includeActors: true, page: 1, pageSize: CatalogHistory.MaxPageSize)).Entries)[0];
        Assert.Equal(["Feature:private-notebooks.NameZh", "Feature:private-notebooks.Description"], gradient.Fields.Select(f => f.Field));

        // The public history on the platform page names the fields in the page's language.
        Assert.Contains("GPU 型号 tesla-p100：备注（中文）", chinese, StringComparison.Ordinal);

        // Applied once, the same file changes nothing more; such a change is not reverted platform by platform.
        var again = await transfer.PreviewAsync(json, evidence);
        Assert.Empty(again.References);
        Assert.Equal(0, again.ChangeCount);
        var revert = await EditorOf(_target).RevertAsync(kaggle.Id, Admin, confirmFieldsChangedSince: true);
        Assert.Contains("import a catalog file with the old values", Assert.IsType<EditResult.ValidationFailed>(revert).Errors["Change"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gpu_models_chinese_source_title_answers_the_chinese_api_travels_in_the_file_and_is_marked_when_missing()
    {
        var client = _target.CreateClient();
        var (chinese, fallbacks) = await T4SourceTitleAsync(client, "zh-CN");
        Assert.Equal(("NVIDIA 公布的 GPU 规格", ""), (chinese, fallbacks));
        Assert.Equal(("NVIDIA's published GPU specifications", ""), await T4SourceTitleAsync(client, "en"));

        var transfer = TransferOf(_target);
        var file = await transfer.ExportAsync();
        Assert.Contains("\"sourceTitleZh\": \"NVIDIA 公布的 GPU 规格\"", CatalogTransfer.Serialize(file), StringComparison.Ordinal);

        // A maintainer empties it in the file: the preview names the change, and the Chinese API says it is English.
        var json = CatalogTransfer.Serialize(file with
        {
            GpuModels = [.. file.GpuModels.Select(g => g.Slug == "tesla-t4" ? g with { SourceTitleZh = null } : g)],
        });
        var evidence = new ChangeEvidence { Note = "The Chinese title is being reworded." };
        var preview = await transfer.PreviewAsync(json, evidence);
        var gpu = Assert.Single(preview.References);
        Assert.Equal(["GpuModel:tesla-t4.SourceTitleZh"], gpu.Differences.Select(d => d.Field));
        Assert.Equal("GPU model tesla-t4: source title (Chinese)", gpu.Differences[0].Label);
        Assert.True((await transfer.ApplyAsync(json, Admin, evidence)).Succeeded);

        Assert.Equal(("NVIDIA's published GPU specifications", "/source/title"), await T4SourceTitleAsync(client, "zh-CN"));
        Assert.Equal(("NVIDIA's published GPU specifications", ""), await T4SourceTitleAsync(client, "en"));
    }

    /// <summary>The Tesla T4's citation title in the GPU-model list, and its fallback pointers joined by spaces.</summary>
    private static async Task<(string? Title, string Fallbacks)> T4SourceTitleAsync(HttpClient client, string language)
    {
        using var models = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/gpu-models?lang={language}"));
        var t4 = models.RootElement.GetProperty("gpuModels").EnumerateArray().Single(m => m.GetProperty("slug").GetString() == "tesla-t4");
        return (t4.GetProperty("source").GetProperty("title").GetString(),
            string.Join(" ", t4.GetProperty("fallbackTexts").EnumerateArray().Select(p => p.GetString())));
    }

    [Fact]
    public async Task A_feature_without_a_name_is_refused_and_nothing_changes()
    {
        _ = _target.CreateClient();
        var file = await TransferOf(_target).ExportAsync();
        var json = CatalogTransfer.Serialize(file with
        {
            Features = [.. file.Features.Select(f => f.Key == "tpu" ? f with { Name = "  ", NameZh = "TPU" } : f)],
        });

        var result = await TransferOf(_target).ApplyAsync(json, Admin, new ChangeEvidence { Note = "test" });

        Assert.False(result.Succeeded);
        Assert.Contains("Feature “tpu” has no name.", result.Preview.Problems);
        Assert.Equal("Free TPU", (await TransferOf(_target).ExportAsync()).Features.Single(f => f.Key == "tpu").Name);
    }

    [Theory]
    [InlineData("", "The file is empty.")]
    [InlineData("{ \"formatVersion\": 1, \"platforms\": [ { \"slug\": ", "The file is not valid catalog JSON (line 1")]
    [InlineData("{ \"formatVersion\": 7, \"platforms\": [] }", "format version 7")]
    [InlineData("[1, 2, 3]", "The file is not valid catalog JSON")]
    public async Task A_file_that_cannot_be_read_says_why_and_nothing_is_applied(string json, string problem)
    {
        _ = _target.CreateClient();

        var result = await TransferOf(_target).ApplyAsync(json, Admin, null);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Results);
        Assert.Contains(result.Preview.Problems, p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invalid_values_and_unknown_gpu_models_are_reported_per_platform_before_anything_changes()
    {
        _ = _source.CreateClient();
        var file = await TransferOf(_source).ExportAsync();
        var kaggle = file.Platforms.Single(p => p.Slug == "kaggle");
        kaggle.IdleTimeoutMinutes.Min = 99_999;
        kaggle.Gpus.Add(new GpuOptionEditModel { GpuModelSlug = "imaginary-x1", PerSession = 1 });
        var json = CatalogTransfer.Serialize(file);

        var result = await TransferOf(_source).ApplyAsync(json, Admin, null);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Preview.Problems, p => p.Contains("imaginary-x1", StringComparison.Ordinal));
        Assert.Contains("IdleTimeoutMinutes.Min", result.Preview.Platforms.Single(p => p.Slug == "kaggle").Errors.Keys);
        Assert.Equal(20, (await EditorOf(_source).GetForEditAsync("kaggle"))!.IdleTimeoutMinutes.Min);
    }

    private async Task<string> GradientStorageRaisedTo15GbAsync()
    {
        _ = _source.CreateClient();
        var file = await TransferOf(_source).ExportAsync();
        var gradient = file.Platforms.Single(p => p.Slug == "gradient");
        Assert.Equal("Low available storage.", gradient.StorageGb.Note);
        gradient.StorageGb.Min = 15;
        gradient.StorageGb.Max = 15;
        return CatalogTransfer.Serialize(file);
    }

    [Fact]
    public async Task An_import_that_changes_a_value_without_evidence_is_refused_and_says_so()
    {
        var json = await GradientStorageRaisedTo15GbAsync();

        var result = await TransferOf(_source).ApplyAsync(json, Admin, null);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Results);
        Assert.Contains(result.Preview.Problems, p => p.Contains("Paperspace Gradient", StringComparison.Ordinal) && p.Contains("needs evidence", StringComparison.Ordinal));
        Assert.Equal(5, (await EditorOf(_source).GetForEditAsync("gradient"))!.StorageGb.Min);
    }

    [Fact]
    public async Task An_import_with_evidence_cites_it_and_drops_the_note_written_for_the_old_value()
    {
        var json = await GradientStorageRaisedTo15GbAsync();
        var evidence = new ChangeEvidence { EvidenceUrl = "https://docs.digitalocean.com/products/paperspace/", Note = "Checked the storage limit." };

        var result = await TransferOf(_source).ApplyAsync(json, Admin, evidence);

        Assert.True(result.Succeeded, string.Join(" ", result.Preview.Problems));
        var storage = (await EditorOf(_source).GetForEditAsync("gradient"))!.StorageGb;
        Assert.Equal(15, storage.Min);
        Assert.Null(storage.Note);
        Assert.Equal("https://docs.digitalocean.com/products/paperspace/", storage.SourceUrl);
        Assert.NotNull(storage.AsOf);
        var ram = (await EditorOf(_source).GetForEditAsync("gradient"))!.RamGb;
        Assert.Equal("The highest of the three platforms.", ram.Note); // an unchanged value keeps its note and source
        Assert.Contains("towardsdatascience.com", ram.SourceUrl);
    }

    [Fact]
    public async Task The_seed_file_is_a_catalog_file_that_previews_as_unchanged_over_the_seeded_catalog()
    {
        _ = _source.CreateClient();

        var preview = await TransferOf(_source).PreviewAsync(await File.ReadAllTextAsync(Web.Catalog.CatalogSeeder.DefaultSeedFile));

        Assert.Empty(preview.Problems);
        Assert.Equal(["gradient", "colab", "kaggle"], preview.Platforms.Select(p => p.Slug));
        Assert.All(preview.Platforms, p => Assert.Equal(PlatformImportKind.Unchanged, p.Kind));
        Assert.Empty(preview.References);
    }

    [Fact]
    public async Task Only_admins_can_download_the_export()
    {
        var client = _source.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(CatalogTransferEndpoints.ExportPath);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location?.PathAndQuery);
    }
}
