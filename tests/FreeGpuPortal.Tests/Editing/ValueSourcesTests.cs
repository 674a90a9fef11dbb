using FreeGpuPortal.Tests.HardwareReportsWeb;
using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.HardwareReports;

using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.Tests.Editing;

/// <summary>
/// Sources follow changes: a changed value cites the change's evidence and date unless the change gives its own
/// citation, and keeps its old note only when the admin confirms it still holds. Checked on the rule itself and on
/// each path that writes values (an admin's edit, an applied hardware report); the import path is covered by the
/// integration tests of catalog transfer.
/// </summary>
public sealed class ValueSourcesTests
{
    private static readonly DateOnly Today = new(2026, 5, 4);
    private const string ArticleUrl = "https://towardsdatascience.com/article";

    private static PlatformEditModel Saved() => new()
    {
        Slug = "gradient",
        Name = "Gradient",
        StorageGb = new SpecEditModel { Min = 5, Max = 5, Note = "Low available storage.", SourceUrl = ArticleUrl, SourceTitle = "The article" },
        RamGb = new SpecEditModel { Min = 30, Max = 30, Note = "The highest.", SourceUrl = ArticleUrl, SourceTitle = "The article" },
        CpuCount = new SpecEditModel { Min = 8, Max = 8, SourceUrl = ArticleUrl, SourceTitle = "The article" },
        CpuModel = "Intel Xeon E5-2623",
        Gpus = [new GpuOptionEditModel { GpuModelSlug = "quadro-m4000", PerSession = 1, Note = "Only the M4000.", SourceUrl = ArticleUrl }],
        Features = [new FeatureEditModel { Key = "private-notebooks", Available = false, Note = "Public only.", SourceUrl = ArticleUrl }],
    };

    private static readonly ChangeEvidence PricingPage = new() { EvidenceUrl = "https://example.org/pricing", Note = "Read the pricing page." };

    [Fact]
    public void A_changed_value_cites_the_evidence_and_the_day_of_the_change_and_loses_its_old_note()
    {
        var before = Saved();
        var after = before.Clone();
        after.StorageGb.Min = after.StorageGb.Max = 15;

        ValueSources.FollowChange(before, after, PricingPage, Today);

        Assert.Equal("https://example.org/pricing", after.StorageGb.SourceUrl);
        Assert.Null(after.StorageGb.SourceTitle);
        Assert.Equal(Today, after.StorageGb.AsOf);
        Assert.Null(after.StorageGb.Note);
        Assert.Equal(ArticleUrl, after.RamGb.SourceUrl); // unchanged values keep their citation and note
        Assert.Equal("The highest.", after.RamGb.Note);
    }

    [Fact]
    public void The_old_note_stays_when_the_admin_confirms_it_still_holds()
    {
        var before = Saved();
        var after = before.Clone();
        after.StorageGb.Min = after.StorageGb.Max = 15;
        after.NotesStillHold.Add(nameof(PlatformEditModel.StorageGb));

        ValueSources.FollowChange(before, after, PricingPage, Today);

        Assert.Equal("Low available storage.", after.StorageGb.Note);
        Assert.Equal("https://example.org/pricing", after.StorageGb.SourceUrl);
    }

    [Fact]
    public void A_citation_or_note_the_admin_gives_with_the_new_value_is_kept()
    {
        var before = Saved();
        var after = before.Clone();
        after.StorageGb = new SpecEditModel
        {
            Min = 15,
            Max = 15,
            Note = "Persistent storage.",
            SourceUrl = "https://example.org/storage",
            SourceTitle = "Storage docs",
            AsOf = new DateOnly(2026, 4, 1),
        };

        ValueSources.FollowChange(before, after, PricingPage, Today);

        Assert.Equal("https://example.org/storage", after.StorageGb.SourceUrl);
        Assert.Equal("Storage docs", after.StorageGb.SourceTitle);
        Assert.Equal(new DateOnly(2026, 4, 1), after.StorageGb.AsOf);
        Assert.Equal("Persistent storage.", after.StorageGb.Note);
    }

    [Fact]
    public void Evidence_without_a_url_becomes_the_title_and_an_evidence_date_is_the_as_of()
    {
        var before = Saved();
        var after = before.Clone();
        after.RamGb.Min = after.RamGb.Max = 32;

        ValueSources.FollowChange(before, after, new ChangeEvidence { Note = "Ran free -g in a session.", AsOf = new DateOnly(2026, 3, 2) }, Today);

        Assert.Null(after.RamGb.SourceUrl);
        Assert.Equal("Ran free -g in a session.", after.RamGb.SourceTitle);
        Assert.Equal(new DateOnly(2026, 3, 2), after.RamGb.AsOf);
    }

    [Fact]
    public void A_changed_cpu_model_re_sources_the_cpu_value_it_is_shown_with()
    {
        var before = Saved();
        var after = before.Clone();
        after.CpuModel = "AMD EPYC 7B12";

        ValueSources.FollowChange(before, after, PricingPage, Today);

        Assert.Equal("https://example.org/pricing", after.CpuCount.SourceUrl);
        Assert.Equal(Today, after.CpuCount.AsOf);
    }

    [Fact]
    public void Gpu_options_and_features_follow_the_same_rule()
    {
        var before = Saved();
        var after = before.Clone();
        after.Gpus[0].PerSession = 2;
        after.Gpus.Add(new GpuOptionEditModel { GpuModelSlug = "tesla-t4", PerSession = 1 });
        after.Features[0].Available = true;
        after.NotesStillHold.Add(ValueSources.FeatureKey("private-notebooks"));

        ValueSources.FollowChange(before, after, PricingPage, Today);

        Assert.All(after.Gpus, g => Assert.Equal("https://example.org/pricing", g.SourceUrl));
        Assert.Null(after.Gpus[0].Note);
        Assert.Equal("https://example.org/pricing", after.Features[0].SourceUrl);
        Assert.Equal("Public only.", after.Features[0].Note);
    }

    [Fact]
    public void The_form_is_told_which_note_a_save_would_drop()
    {
        var before = Saved();
        var after = before.Clone();
        Assert.Null(ValueSources.NoteAtRisk(nameof(PlatformEditModel.StorageGb), before, after));

        after.StorageGb.Min = after.StorageGb.Max = 15;
        Assert.Equal("Low available storage.", ValueSources.NoteAtRisk(nameof(PlatformEditModel.StorageGb), before, after));

        after.StorageGb.Note = "Rewritten for 15 GB.";
        Assert.Null(ValueSources.NoteAtRisk(nameof(PlatformEditModel.StorageGb), before, after));
    }

    [Fact]
    public async Task An_admin_edit_saved_with_evidence_makes_it_the_source_of_the_changed_value()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var model = (await catalog.Editor.GetForEditAsync("gradient"))!;
        model.StorageGb.Min = model.StorageGb.Max = 15;

        var result = await catalog.Editor.UpdateAsync(new PlatformChangeRequest(model, PricingPage, CatalogEdits.TestAdmin));

        Assert.IsType<EditResult.Success>(result);
        var saved = (await catalog.Editor.GetForEditAsync("gradient"))!;
        Assert.Equal(15, saved.StorageGb.Min);
        Assert.Equal("https://example.org/pricing", saved.StorageGb.SourceUrl);
        Assert.Equal(DateOnly.FromDateTime(catalog.Clock.GetUtcNow().UtcDateTime), saved.StorageGb.AsOf);
        Assert.Null(saved.StorageGb.Note);
        Assert.Equal(SqliteCatalog.Article.Url, saved.RamGb.SourceUrl);
    }

    [Fact]
    public async Task Applying_a_hardware_report_makes_the_report_the_source_of_what_it_changed()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        var services = catalog.AddCatalogServicesTo(new ServiceCollection()).AddReportServices().AddLogging().BuildServiceProvider();
        var submissions = services.GetRequiredService<ReportSubmissions>();
        var moderation = services.GetRequiredService<ReportModeration>();
        var session = new DateOnly(2026, 4, 20);
        var id = await submissions.SubmitAsync("colab", ReportTestData.ColabSession, session);
        await moderation.ApproveAsync(id, CatalogEdits.TestAdmin);
        const string Url = "https://portal.example/platforms/colab#report-1";

        var applied = await moderation.ApplyAsync(id, ["CpuModel", "RamGb"], CatalogEdits.TestAdmin, Url);

        Assert.IsType<ModerationResult.Applied>(applied);
        var colab = (await catalog.Editor.GetForEditAsync("colab"))!;
        Assert.Contains("2.20", colab.CpuModel);
        Assert.Equal(Url, colab.CpuCount.SourceUrl); // the CPU row cites the report, not the article
        Assert.Equal($"Hardware report #{id}", colab.CpuCount.SourceTitle);
        Assert.Equal(session, colab.CpuCount.AsOf);
        Assert.Equal(Url, colab.RamGb.SourceUrl);
        Assert.Equal(session, colab.RamGb.AsOf);
        Assert.Equal(SqliteCatalog.Article.Url, colab.MaxSessionHours.SourceUrl);
    }
}
