using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Suggestions;

namespace FreeGpuPortal.Tests.Suggestions;

/// <summary>A suggested value passes the admin form's own rules: bounds, units, whole numbers, ranges, unknown, no quota.</summary>
public sealed class SuggestionRulesTests
{
    private static SuggestionForm Form(string field, string? from, string? to = null, string kind = SuggestionForm.ValueKind, string? evidence = "https://example.org/limits") =>
        new() { Field = field, Kind = kind, From = from, To = to, EvidenceUrl = evidence };

    private static string[] Keys(SuggestionCheck check) => [.. check.Errors.Select(e => e.MessageKey)];

    [Fact]
    public void A_single_value_is_a_range_of_one_and_a_range_keeps_both_ends()
    {
        var single = SuggestionRules.Check(Form("maxSessionHours", "12"));
        var range = SuggestionRules.Check(Form("idleTimeoutMinutes", "60", "360"));

        Assert.True(single.IsValid);
        Assert.Equal(new ProposedValue(ProposedKind.Value, 12, 12), single.Proposed);
        Assert.Equal(nameof(PlatformEditModel.MaxSessionHours), single.Field!.Name);
        Assert.Equal(new ProposedValue(ProposedKind.Value, 60, 360), range.Proposed);
    }

    [Theory]
    [InlineData("maxSessionHours", "168.5", "Suggest.Error.OutOfRange")] // the admin form's bound: at most 168 hours
    [InlineData("maxSessionHours", "-1", "Suggest.Error.OutOfRange")]
    [InlineData("cpuCount", "2.5", "Suggest.Error.NotWhole")] // CPUs are counted in whole numbers, as in the admin form
    [InlineData("ramGb", "12 GB", "Suggest.Error.NotANumber")]
    [InlineData("ramGb", "1e3", "Suggest.Error.NotANumber")]
    [InlineData("ramGb", "NaN", "Suggest.Error.NotANumber")]
    [InlineData("ramGb", "", "Suggest.Error.ValueRequired")]
    public void Numbers_outside_the_admin_rules_are_refused(string field, string from, string messageKey)
    {
        var check = SuggestionRules.Check(Form(field, from));

        Assert.False(check.IsValid);
        Assert.Equal([messageKey], Keys(check));
        Assert.Null(check.Proposed);
    }

    [Fact]
    public void The_bounds_are_the_admin_validators_own()
    {
        foreach (var field in SuggestableField.All)
        {
            var rule = Specs.Get(field.Name);
            Assert.Same(rule, field.Rule);
            Assert.True(SuggestionRules.Check(Form(field.Key, rule.Max.ToString(System.Globalization.CultureInfo.InvariantCulture))).IsValid);
            Assert.False(SuggestionRules.Check(Form(field.Key, (rule.Max + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))).IsValid);
        }
    }

    [Fact]
    public void A_high_end_below_the_low_end_is_refused()
    {
        Assert.Equal(["Suggest.Error.ToBelowFrom"], Keys(SuggestionRules.Check(Form("ramGb", "16", "8"))));
    }

    [Fact]
    public void Unknown_needs_no_number_and_no_quota_belongs_to_the_weekly_quota_only()
    {
        Assert.Equal(new ProposedValue(ProposedKind.Unknown, null, null), SuggestionRules.Check(Form("ramGb", null, kind: SuggestionForm.UnknownKind)).Proposed);
        Assert.Equal(new ProposedValue(ProposedKind.NoQuota, null, null), SuggestionRules.Check(Form("weeklyGpuHours", null, kind: SuggestionForm.NoQuotaKind)).Proposed);
        Assert.Equal(["Suggest.Error.NoQuotaOnlyWeekly"], Keys(SuggestionRules.Check(Form("ramGb", null, kind: SuggestionForm.NoQuotaKind))));
        Assert.Equal(["Suggest.Error.KindRequired"], Keys(SuggestionRules.Check(Form("ramGb", "1", kind: "maybe"))));
    }

    [Theory]
    [InlineData(null, "Suggest.Error.EvidenceRequired")]
    [InlineData("  ", "Suggest.Error.EvidenceRequired")]
    [InlineData("javascript:alert(1)", "Suggest.Error.EvidenceNotHttp")]
    [InlineData("ftp://example.org/file", "Suggest.Error.EvidenceNotHttp")]
    [InlineData("example.org/limits", "Suggest.Error.EvidenceNotHttp")]
    public void The_evidence_is_a_required_http_or_https_address(string? evidence, string messageKey)
    {
        Assert.Equal([messageKey], Keys(SuggestionRules.Check(Form("ramGb", "16", evidence: evidence))));
    }

    [Fact]
    public void An_unknown_field_a_long_note_and_a_long_address_are_refused()
    {
        var form = Form("gpuName", "16", evidence: "https://example.org/" + new string('a', 2048));
        form.Note = new string('n', SuggestionRules.NoteMaxLength + 1);

        var keys = Keys(SuggestionRules.Check(form));

        Assert.Equal(["Suggest.Error.FieldRequired", "Suggest.Error.EvidenceTooLong", "Suggest.Error.NoteTooLong"], keys);
    }

    [Fact]
    public void Against_the_platform_the_current_value_is_refused_and_the_weekly_quota_becomes_limited_when_given_hours()
    {
        var current = new PlatformEditModel { Slug = "kaggle", Name = "Kaggle", WeeklyQuotaKind = WeeklyQuotaKind.NoQuota };
        current.RamGb = new SpecEditModel { Min = 13, Max = 13 };
        var context = new PlatformValidationContext
        {
            Today = new DateOnly(2026, 1, 1),
            GpuModelSlugs = new HashSet<string>(),
            FeatureKeys = new HashSet<string>(),
        };

        Assert.Equal(["Suggest.Error.SameAsNow"], Keys(SuggestionRules.Check(Form("ramGb", "13"), current, context)));
        Assert.Equal(["Suggest.Error.SameAsNow"], Keys(SuggestionRules.Check(Form("weeklyGpuHours", null, kind: SuggestionForm.NoQuotaKind), current, context)));
        var hours = SuggestionRules.Check(Form("weeklyGpuHours", "30"), current, context);
        Assert.True(hours.IsValid);
        var model = current.Clone();
        hours.Proposed!.ApplyTo(model, hours.Field!);
        Assert.Equal(WeeklyQuotaKind.Limited, model.WeeklyQuotaKind);
        Assert.Equal((30d, 30d), (model.WeeklyGpuHours.Min!.Value, model.WeeklyGpuHours.Max!.Value));
        Assert.Empty(PlatformEditValidator.Validate(model, new ChangeEvidence { EvidenceUrl = "https://example.org" }, context with { Before = current }, PortalLocalizer.Shared));
    }

    [Fact]
    public void The_same_submission_has_the_same_fingerprint_and_tokens_are_unguessable_and_well_formed()
    {
        var field = SuggestableField.Find("maxSessionHours")!;
        var twelve = new ProposedValue(ProposedKind.Value, 12, 12);

        Assert.Equal(
            SuggestionRules.Fingerprint(3, field, twelve, "https://example.org/a"),
            SuggestionRules.Fingerprint(3, field, twelve, " https://example.org/a "));
        Assert.NotEqual(
            SuggestionRules.Fingerprint(3, field, twelve, "https://example.org/a"),
            SuggestionRules.Fingerprint(3, field, twelve with { Max = 13 }, "https://example.org/a"));
        var tokens = Enumerable.Range(0, 100).Select(_ => SuggestionRules.NewToken()).ToList();
        Assert.Equal(100, tokens.Distinct().Count());
        Assert.All(tokens, t => Assert.True(SuggestionRules.IsTokenShaped(t)));
        Assert.False(SuggestionRules.IsTokenShaped("../../etc/passwd"));
        Assert.False(SuggestionRules.IsTokenShaped(null));
    }

    [Theory]
    [InlineData(null, "Suggestions.Reject.ReasonRequired")]
    [InlineData(" ", "Suggestions.Reject.ReasonRequired")]
    [InlineData("Paid plan only.", null)]
    public void A_rejection_needs_a_short_reason(string? reason, string? problem)
    {
        Assert.Equal(problem, SuggestionRules.RejectionReasonProblem(reason));
        Assert.Equal("Suggestions.Reject.ReasonTooLong", SuggestionRules.RejectionReasonProblem(new string('x', SuggestionRules.RejectionReasonMaxLength + 1)));
    }

    [Fact]
    public void Fields_are_found_by_their_url_key_in_any_case_and_link_to_the_form()
    {
        Assert.Equal("MaxSessionHours", SuggestableField.Find("maxSessionHours")!.Name);
        Assert.Equal("MaxSessionHours", SuggestableField.Find("MAXSESSIONHOURS")!.Name);
        Assert.Null(SuggestableField.Find("slug"));
        Assert.Equal("platforms/kaggle/suggest?field=maxSessionHours", SuggestableField.SuggestPath("kaggle", "maxSessionHours"));
    }
}
