using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Catalog.Editing;

namespace FreeGpuPortal.Tests.Editing;

/// <summary>Each validation rule: the field key its message is reported under, and the message an admin reads.</summary>
public sealed class PlatformEditValidatorTests
{
    private static readonly DateOnly Today = new(2026, 5, 4);

    private static PlatformValidationContext Context(PlatformEditModel? before = null) => new()
    {
        Today = Today,
        GpuModelSlugs = new HashSet<string> { "tesla-t4", "tesla-k80", "tesla-p100" },
        FeatureKeys = new HashSet<string> { "tpu", "private-notebooks" },
        SlugsInUse = new HashSet<string> { "colab", "kaggle" },
        Before = before,
    };

    /// <summary>A platform that passes every rule, with evidence for its spec values.</summary>
    private static PlatformEditModel Valid() => new()
    {
        Slug = "test-platform",
        Name = "Test Platform",
        Website = "https://example.org",
        IdleTimeoutMinutes = new SpecEditModel { Min = 30, Max = 90, SourceUrl = "https://example.org/faq", AsOf = Today },
        MaxSessionHours = new SpecEditModel { Min = 12, Max = 12 },
        CpuCount = new SpecEditModel { Min = 2, Max = 2 },
        WeeklyQuotaKind = WeeklyQuotaKind.Limited,
        WeeklyGpuHours = new SpecEditModel { Min = 30, Max = 30 },
        Gpus =
        [
            new GpuOptionEditModel { GpuModelSlug = "tesla-t4", PerSession = 1 },
            new GpuOptionEditModel { GpuModelSlug = "tesla-k80", PerSession = 2 },
        ],
        Features = [new FeatureEditModel { Key = "tpu", Available = true }, new FeatureEditModel { Key = "private-notebooks" }],
        Pros = ["Free", "Fast"],
        Cons = ["Queues"],
        Sources = [new SourceEditModel { Url = "https://example.org/pricing", Title = "Pricing", AccessedOn = Today }],
        LastVerifiedOn = Today,
    };

    private static readonly ChangeEvidence Evidence = new() { EvidenceUrl = "https://example.org/evidence" };

    private static void AssertOnlyError(PlatformEditModel model, string key, string message, ChangeEvidence? evidence = null, PlatformEditModel? before = null)
    {
        var errors = PlatformEditValidator.Validate(model, evidence ?? Evidence, Context(before), PortalLocalizer.Shared);
        var error = Assert.Single(errors);
        Assert.Equal(key, error.Key);
        Assert.Equal([message], error.Value);
    }

    [Fact]
    public void A_valid_platform_has_no_errors() =>
        Assert.Empty(PlatformEditValidator.Validate(Valid(), Evidence, Context(), PortalLocalizer.Shared));

    [Fact]
    public void The_slug_is_required()
    {
        var model = Valid();
        model.Slug = "  ";
        AssertOnlyError(model, "Slug", "Enter a slug.");
    }

    [Theory]
    [InlineData("Colab")]
    [InlineData("new_platform")]
    [InlineData("-leading")]
    [InlineData("double--hyphen")]
    [InlineData("space inside")]
    [InlineData("ümlaut")]
    public void The_slug_is_lowercase_and_url_safe(string slug)
    {
        var model = Valid();
        model.Slug = slug;
        AssertOnlyError(model, "Slug", "Use lowercase letters and digits, with single hyphens between words (like “google-colab”).");
    }

    [Fact]
    public void The_slug_has_at_most_64_characters()
    {
        var model = Valid();
        model.Slug = new string('a', 65);
        AssertOnlyError(model, "Slug", "Use at most 64 characters.");
        model.Slug = new string('a', 64);
        Assert.Empty(PlatformEditValidator.Validate(model, Evidence, Context(), PortalLocalizer.Shared));
    }

    [Fact]
    public void The_slug_is_unique()
    {
        var model = Valid();
        model.Slug = "colab";
        AssertOnlyError(model, "Slug", "The slug “colab” is already in use.");
    }

    [Fact]
    public void The_name_is_required()
    {
        var model = Valid();
        model.Name = "";
        AssertOnlyError(model, "Name", "Enter a name.");
    }

    [Fact]
    public void The_name_has_at_most_120_characters()
    {
        var model = Valid();
        model.Name = new string('n', 121);
        AssertOnlyError(model, "Name", "Use at most 120 characters.");
    }

    [Fact]
    public void The_summary_has_at_most_2000_characters()
    {
        var model = Valid();
        model.Summary = new string('s', 2001);
        AssertOnlyError(model, "Summary", "Use at most 2,000 characters.");
    }

    [Fact]
    public void Notes_have_at_most_1000_characters()
    {
        var model = Valid();
        model.IdleTimeoutMinutes.Note = new string('n', 1001);
        AssertOnlyError(model, "IdleTimeoutMinutes.Note", "Use at most 1,000 characters.");
    }

    [Theory]
    [InlineData("ftp://example.org/file")]
    [InlineData("javascript:alert(1)")]
    [InlineData("example.org")]
    [InlineData("/relative/path")]
    public void The_website_is_an_http_or_https_url(string url)
    {
        var model = Valid();
        model.Website = url;
        AssertOnlyError(model, "Website", "Enter a full web address starting with http:// or https://.");
    }

    [Fact]
    public void A_spec_source_is_an_http_or_https_url()
    {
        var model = Valid();
        model.IdleTimeoutMinutes.SourceUrl = "file:///etc/passwd";
        AssertOnlyError(model, "IdleTimeoutMinutes.SourceUrl", "Enter a full web address starting with http:// or https://.");
    }

    [Fact]
    public void The_evidence_url_is_an_http_or_https_url()
    {
        AssertOnlyError(Valid(), "Evidence.EvidenceUrl", "Enter a full web address starting with http:// or https://.",
            new ChangeEvidence { EvidenceUrl = "data:text/html,hi", Note = "Checked the FAQ." });
    }

    [Fact]
    public void The_idle_timeout_is_at_most_10080_minutes()
    {
        var model = Valid();
        model.IdleTimeoutMinutes.Max = 10_081;
        AssertOnlyError(model, "IdleTimeoutMinutes.Max", "Enter a number from 0 to 10,080 minutes.");
    }

    [Fact]
    public void The_session_length_is_at_most_168_hours()
    {
        var model = Valid();
        model.MaxSessionHours.Min = 169;
        model.MaxSessionHours.Max = null;
        AssertOnlyError(model, "MaxSessionHours.Min", "Enter a number from 0 to 168 hours.");
    }

    [Fact]
    public void Weekly_hours_are_at_most_168()
    {
        var model = Valid();
        model.WeeklyGpuHours.Max = 200;
        AssertOnlyError(model, "WeeklyGpuHours.Max", "Enter a number from 0 to 168 hours.");
    }

    [Fact]
    public void Numbers_are_not_negative()
    {
        var model = Valid();
        model.RamGb.Min = -1;
        AssertOnlyError(model, "RamGb.Min", "Enter a number from 0 to 100,000 GB.");
    }

    [Fact]
    public void Storage_is_at_most_100000_gb()
    {
        var model = Valid();
        model.StorageGb.Max = 100_001;
        AssertOnlyError(model, "StorageGb.Max", "Enter a number from 0 to 100,000 GB.");
    }

    [Fact]
    public void The_cpu_count_is_at_most_1024()
    {
        var model = Valid();
        model.CpuCount.Max = 1025;
        AssertOnlyError(model, "CpuCount.Max", "Enter a number from 0 to 1,024 CPUs.");
    }

    [Fact]
    public void The_cpu_count_is_a_whole_number()
    {
        var model = Valid();
        model.CpuCount.Min = 1.5;
        AssertOnlyError(model, "CpuCount.Min", "Enter a whole number of CPUs.");
    }

    [Fact]
    public void The_minimum_is_not_above_the_maximum()
    {
        var model = Valid();
        model.IdleTimeoutMinutes.Min = 120;
        model.IdleTimeoutMinutes.Max = 60;
        AssertOnlyError(model, "IdleTimeoutMinutes.Max", "The maximum must not be less than the minimum.");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NaN_and_infinity_are_refused(double value)
    {
        var model = Valid();
        model.RamGb.Min = value;
        AssertOnlyError(model, "RamGb.Min", "Enter a finite number.");
    }

    [Fact]
    public void Weekly_hours_need_a_limited_quota()
    {
        var model = Valid();
        model.WeeklyQuotaKind = WeeklyQuotaKind.NoQuota;
        AssertOnlyError(model, "WeeklyGpuHours.Min", "Weekly GPU hours apply only to a limited weekly quota; choose “Limited” or clear the hours.");
    }

    [Fact]
    public void Gpus_per_session_are_between_1_and_64()
    {
        var model = Valid();
        model.Gpus[1].PerSession = 0;
        AssertOnlyError(model, "Gpus[1].PerSession", "Enter from 1 to 64 GPUs per session.");
        model.Gpus[1].PerSession = 65;
        AssertOnlyError(model, "Gpus[1].PerSession", "Enter from 1 to 64 GPUs per session.");
    }

    [Fact]
    public void A_gpu_option_names_a_known_gpu_model()
    {
        var model = Valid();
        model.Gpus[1].GpuModelSlug = "h100";
        AssertOnlyError(model, "Gpus[1].GpuModelSlug", "There is no GPU model “h100”; add it to the GPU models first.");
    }

    [Fact]
    public void A_gpu_option_row_needs_a_gpu_model()
    {
        var model = Valid();
        model.Gpus.Add(new GpuOptionEditModel());
        AssertOnlyError(model, "Gpus[2].GpuModelSlug", "Choose a GPU model, or remove this row.");
    }

    [Fact]
    public void A_gpu_model_is_listed_once()
    {
        var model = Valid();
        model.Gpus[1].GpuModelSlug = "tesla-t4";
        AssertOnlyError(model, "Gpus[1].GpuModelSlug", "This GPU model is already listed.");
    }

    [Fact]
    public void A_feature_names_a_known_feature()
    {
        var model = Valid();
        model.Features[0].Key = "quantum";
        AssertOnlyError(model, "Features[0].Key", "There is no feature “quantum”.");
    }

    [Fact]
    public void A_feature_is_listed_once()
    {
        var model = Valid();
        model.Features[1].Key = "tpu";
        AssertOnlyError(model, "Features[1].Key", "This feature is already listed.");
    }

    [Fact]
    public void List_items_have_at_most_500_characters()
    {
        var model = Valid();
        model.Pros[1] = new string('p', 501);
        AssertOnlyError(model, "Pros[1]", "Use at most 500 characters.");
    }

    [Fact]
    public void List_items_are_not_blank()
    {
        var model = Valid();
        model.GettingStarted = ["Sign in", " "];
        AssertOnlyError(model, "GettingStarted[1]", "Enter some text, or remove this item.");
    }

    [Fact]
    public void Lists_have_at_most_50_items()
    {
        var model = Valid();
        model.Cons = [.. Enumerable.Range(1, 51).Select(i => $"Con {i}")];
        AssertOnlyError(model, "Cons", "List at most 50 items.");
    }

    [Fact]
    public void A_source_needs_a_url()
    {
        var model = Valid();
        model.Sources[0].Url = "";
        AssertOnlyError(model, "Sources[0].Url", "Enter the source's http(s) URL.");
    }

    [Fact]
    public void A_source_needs_a_title()
    {
        var model = Valid();
        model.Sources[0].Title = "";
        AssertOnlyError(model, "Sources[0].Title", "Enter the source's title.");
    }

    [Fact]
    public void A_source_title_has_at_most_300_characters()
    {
        var model = Valid();
        model.Sources[0].Title = new string('t', 301);
        AssertOnlyError(model, "Sources[0].Title", "Use at most 300 characters.");
    }

    [Fact]
    public void Dates_are_not_in_the_future()
    {
        var model = Valid();
        model.IdleTimeoutMinutes.AsOf = Today.AddDays(1);
        AssertOnlyError(model, "IdleTimeoutMinutes.AsOf", "Enter a date no later than today.");

        model = Valid();
        model.LastVerifiedOn = Today.AddDays(1);
        AssertOnlyError(model, "LastVerifiedOn", "Enter a date no later than today.");
    }

    [Fact]
    public void A_renamed_platform_names_its_successor()
    {
        var model = Valid();
        model.Status = PlatformStatus.Renamed;
        AssertOnlyError(model, "SuccessorSlug", "A renamed platform needs its successor: a platform slug or an http(s) URL.");

        model.SuccessorSlug = "not a slug";
        AssertOnlyError(model, "SuccessorSlug", "Enter the successor as a platform slug (like “google-colab”) or an http(s) URL.");

        model.SuccessorSlug = "gradient-notebooks";
        Assert.Empty(PlatformEditValidator.Validate(model, Evidence, Context(), PortalLocalizer.Shared));
        model.SuccessorSlug = "https://example.org/new-name";
        Assert.Empty(PlatformEditValidator.Validate(model, Evidence, Context(), PortalLocalizer.Shared));
    }

    [Fact]
    public void Only_a_renamed_platform_has_a_successor()
    {
        var model = Valid();
        model.SuccessorSlug = "kaggle";
        AssertOnlyError(model, "SuccessorSlug", "Only a renamed platform has a successor; clear it or set the status to Renamed.");
    }

    [Fact]
    public void An_unknown_status_is_refused()
    {
        var model = Valid();
        model.Status = (PlatformStatus)42;
        AssertOnlyError(model, "Status", "Choose a status.");
    }

    [Fact]
    public void Changing_a_spec_value_needs_an_evidence_url_or_a_note()
    {
        var before = Valid();
        var model = Valid();
        model.IdleTimeoutMinutes.Min = 45;
        model.Gpus.RemoveAt(1);
        AssertOnlyError(model, "Evidence.EvidenceUrl",
            "Changing a spec value (Idle timeout (min), GPU options) needs an evidence URL or a note on how it was verified.",
            ChangeEvidence.None, before);

        Assert.Empty(PlatformEditValidator.Validate(model, new ChangeEvidence { EvidenceUrl = "https://example.org/faq" }, Context(before), PortalLocalizer.Shared));
        Assert.Empty(PlatformEditValidator.Validate(model, new ChangeEvidence { Note = "Opened a session and waited." }, Context(before), PortalLocalizer.Shared));
    }

    [Fact]
    public void A_number_that_is_not_finite_is_refused_even_without_evidence()
    {
        var before = Valid();
        var model = Valid();
        model.RamGb.Min = double.NaN;
        AssertOnlyError(model, "RamGb.Min", "Enter a finite number.", ChangeEvidence.None, before);
    }

    [Fact]
    public void Changing_only_words_or_citations_needs_no_evidence()
    {
        var before = Valid();
        var model = Valid();
        model.Name = "Renamed in words";
        model.IdleTimeoutMinutes.Note = "about";
        model.IdleTimeoutMinutes.SourceTitle = "FAQ";
        model.Pros.Add("Friendly");
        Assert.Empty(PlatformEditValidator.Validate(model, ChangeEvidence.None, Context(before), PortalLocalizer.Shared));
    }

    [Fact]
    public void A_new_platform_with_spec_values_needs_evidence()
    {
        AssertOnlyError(Valid(), "Evidence.EvidenceUrl",
            "Changing a spec value (CPU count, Session length (h), Idle timeout (min), Weekly quota, Weekly GPU hours, GPU options, Features) needs an evidence URL or a note on how it was verified.",
            ChangeEvidence.None);
    }

    [Fact]
    public void The_evidence_note_has_at_most_1000_characters()
    {
        AssertOnlyError(Valid(), "Evidence.Note", "Use at most 1,000 characters.",
            new ChangeEvidence { EvidenceUrl = "https://example.org", Note = new string('e', 1001) });
    }

    [Fact]
    public void Gpu_model_memory_is_between_0_and_1024_gb()
    {
        var model = new GpuModelEditModel { Slug = "h100", Name = "H100", MemoryGb = 1025 };
        var error = Assert.Single(PlatformEditValidator.ValidateGpuModel(model, new HashSet<string>(), PortalLocalizer.Shared));
        Assert.Equal("MemoryGb", error.Key);
        Assert.Equal(["Enter a number from 0 to 1,024 GB."], error.Value);

        model.MemoryGb = 80;
        Assert.Empty(PlatformEditValidator.ValidateGpuModel(model, new HashSet<string>(), PortalLocalizer.Shared));
    }

    [Fact]
    public void Validation_leaves_the_model_as_it_was()
    {
        var model = Valid();
        model.Name = "  padded  ";
        var before = System.Text.Json.JsonSerializer.Serialize(model, EditJson.Options);
        _ = PlatformEditValidator.Validate(model, Evidence, Context(), PortalLocalizer.Shared);
        Assert.Equal(before, System.Text.Json.JsonSerializer.Serialize(model, EditJson.Options));
    }
}
