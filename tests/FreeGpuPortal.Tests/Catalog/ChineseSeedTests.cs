using System.Text.Json;
using System.Text.Json.Nodes;

using FreeGpuPortal.Tests.Editing;
using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Catalog.Editing;

using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Tests.Catalog;

/// <summary>
/// The seed carries every text in English and Chinese, with the issue's terminology; a catalog seeded before the seed
/// carried Chinese receives it where its Chinese is empty and its English unedited, on a real SQLite file.
/// </summary>
public sealed class ChineseSeedTests
{
    private static readonly string[] TextProperties =
        ["summary", "gpuAvailabilityNote", "storageNote", "weeklyQuotaResetRule", "note", "description", "title", "pros", "cons", "gettingStarted"];

    private static JsonNode SeedJson() => JsonNode.Parse(File.ReadAllText(SqliteCatalog.SeedFile))!;

    private static IEnumerable<(string Path, string Property, JsonNode? English, JsonNode? Chinese)> Texts(JsonNode node, string path)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, value) in obj)
            {
                // A feature's name and a GPU model's citation title are translated where they stand; a value's citation
                // title is translated by the platform's source list that names the same document.
                if (TextProperties.Contains(name) || (name == "name" && path.Contains("features", StringComparison.Ordinal))
                    || (name == "sourceTitle" && path.Contains("gpuModels", StringComparison.Ordinal)))
                {
                    yield return ($"{path}.{name}", name, value, obj[name + "Zh"]);
                }

                if (value is JsonObject or JsonArray)
                {
                    foreach (var text in Texts(value, $"{path}.{name}"))
                    {
                        yield return text;
                    }
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                foreach (var text in Texts(array[i]!, $"{path}[{i}]"))
                {
                    yield return text;
                }
            }
        }
    }

    [Fact]
    public void Every_text_of_the_seed_has_its_Chinese_beside_it()
    {
        var texts = Texts(SeedJson(), "$").ToList();
        Assert.True(texts.Count > 60, $"only {texts.Count} texts found");
        foreach (var (path, _, english, chinese) in texts)
        {
            switch (english)
            {
                case null:
                    Assert.True(chinese is null, $"{path}: Chinese without English");
                    break;
                case JsonArray list:
                    var zh = Assert.IsType<JsonArray>(chinese);
                    Assert.True(list.Count == zh.Count, $"{path}: {list.Count} English items, {zh.Count} Chinese");
                    Assert.All(zh, item => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", item!.GetValue<string>()));
                    break;
                default:
                    var text = chinese?.GetValue<string>();
                    Assert.False(string.IsNullOrWhiteSpace(text), $"{path}: no Chinese for “{english}”");
                    break;
            }
        }
    }

    [Fact]
    public void The_seed_Chinese_uses_the_standard_terms_not_the_machine_translation()
    {
        var chinese = string.Join("\n", Texts(SeedJson(), "$").Select(t => t.Chinese?.ToJsonString(new JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        })));

        foreach (var wrong in new[] { "梯度", "骗局", "笔记本电脑", "赞成的意见" })
        {
            Assert.DoesNotContain(wrong, chinese, StringComparison.Ordinal);
        }

        Assert.Contains("Gradient", chinese, StringComparison.Ordinal);
        Assert.Contains("空闲超时", chinese, StringComparison.Ordinal);
        Assert.Contains("笔记本", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fresh_catalog_is_seeded_with_both_languages()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        await using var db = await catalog.ContextFactory.CreateDbContextAsync();

        var kaggle = await db.Platforms.Include(p => p.Sources).SingleAsync(p => p.Slug == "kaggle");
        Assert.StartsWith("Kaggle Notebooks：", kaggle.SummaryZh, StringComparison.Ordinal);
        Assert.Equal(kaggle.Pros.Count, kaggle.ProsZh.Count);
        Assert.Contains("Kaggle 数据集", kaggle.ProsZh);
        Assert.Contains("交互式 GPU 模式下空闲超时较短，为 20 分钟", kaggle.ConsZh);
        Assert.Equal("在交互式 GPU 模式下。", kaggle.IdleTimeoutMinutes.NoteZh);
        Assert.All(kaggle.Sources, s => Assert.NotNull(s.TitleZh));
        Assert.Equal("私有笔记本", (await db.Features.SingleAsync(f => f.Key == "private-notebooks")).NameZh);
        Assert.Equal("另有 12 GB 版本。", (await db.GpuModels.SingleAsync(g => g.Slug == "tesla-p100")).NoteZh);
        Assert.Equal("NVIDIA 公布的 GPU 规格", (await db.GpuModels.SingleAsync(g => g.Slug == "tesla-t4")).SourceTitleZh);
    }

    [Fact]
    public async Task A_catalog_seeded_before_the_Chinese_gets_it_only_where_empty_and_the_English_is_unedited()
    {
        var directory = Directory.CreateTempSubdirectory("freegpuportal-zhseed-");
        var file = Path.Combine(directory.FullName, "catalog.db");
        var englishOnlySeed = Path.Combine(directory.FullName, "seed-en.json");
        try
        {
            File.WriteAllText(englishOnlySeed, WithoutChinese(SeedJson()).ToJsonString());
            await using (var before = SqliteCatalog.OpenFile(file))
            {
                await before.MigrateAsync();
                await before.Seeder.SeedAsync(englishOnlySeed);
                await before.Editor.EditAsync("colab", colab =>
                {
                    colab.Summary = "Edited by an admin after the seed.";
                    colab.Cons[0] = "A short idle time, edited.";
                });
                await before.Editor.EditAsync("gradient", gradient => gradient.SummaryZh = "管理员写的简介。");
                await using var db = await before.ContextFactory.CreateDbContextAsync();
                Assert.Null((await db.Platforms.SingleAsync(p => p.Slug == "kaggle")).SummaryZh);
            }

            await using var after = SqliteCatalog.OpenFile(file);
            await after.MigrateAsync();
            var historyBefore = await after.HistoryCountAsync();
            await after.SeedAsync();

            await using (var db = await after.ContextFactory.CreateDbContextAsync())
            {
                var platforms = await db.Platforms.Include(p => p.Sources).ToDictionaryAsync(p => p.Slug);
                Assert.StartsWith("Kaggle Notebooks：", platforms["kaggle"].SummaryZh, StringComparison.Ordinal);
                Assert.Equal("在交互式 GPU 模式下。", platforms["kaggle"].IdleTimeoutMinutes.NoteZh);
                Assert.Contains("Kaggle 数据集", platforms["kaggle"].ProsZh);

                // English edited since the seed: no translation of the old English lands beside it.
                Assert.Null(platforms["colab"].SummaryZh);
                Assert.Empty(platforms["colab"].ConsZh);
                Assert.Contains("与 Google Drive 集成，用于数据存储", platforms["colab"].ProsZh);

                // Chinese written by an admin stays.
                Assert.Equal("管理员写的简介。", platforms["gradient"].SummaryZh);
                Assert.Equal("免费 GPU 取决于可用性，高峰时段可能无法使用。", platforms["gradient"].GpuAvailabilityNoteZh);

                Assert.Equal("后台运行", (await db.Features.SingleAsync(f => f.Key == "background-execution")).NameZh);
                Assert.Equal("另有 12 GB 版本。", (await db.GpuModels.SingleAsync(g => g.Slug == "tesla-p100")).NoteZh);
                Assert.All(await db.GpuModels.ToListAsync(), g => Assert.Equal("NVIDIA 公布的 GPU 规格", g.SourceTitleZh));

                var filled = await db.CatalogChanges.Include(c => c.Fields).Include(c => c.Platform)
                    .Where(c => c.Note == CatalogSeeder.ChineseNote).ToListAsync();
                Assert.Equal(["colab", "gradient", "kaggle"], filled.Select(c => c.Platform!.Slug).Order());
                Assert.All(filled, c => Assert.Equal(ChangeKind.Seed, c.Kind));
                var kaggleFields = filled.Single(c => c.Platform!.Slug == "kaggle").Fields;
                Assert.Contains(kaggleFields, f => f.Field == nameof(PlatformEditModel.SummaryZh) && f.OldJson == "null");
                Assert.DoesNotContain(filled.Single(c => c.Platform!.Slug == "colab").Fields, f => f.Field == nameof(PlatformEditModel.SummaryZh));
            }

            Assert.Equal(historyBefore + 3, await after.HistoryCountAsync());
            var generation = after.Signal.Generation;
            await after.SeedAsync();
            Assert.Equal(historyBefore + 3, await after.HistoryCountAsync());
            Assert.Equal(generation, after.Signal.Generation);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    /// <summary>The seed as it was before it carried Chinese: every <c>…Zh</c> property removed.</summary>
    private static JsonNode WithoutChinese(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            foreach (var name in obj.Select(p => p.Key).Where(k => k.EndsWith("Zh", StringComparison.Ordinal)).ToList())
            {
                obj.Remove(name);
            }

            foreach (var (_, value) in obj)
            {
                if (value is not null)
                {
                    WithoutChinese(value);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array.OfType<JsonNode>())
            {
                WithoutChinese(item);
            }
        }

        return node;
    }
}
