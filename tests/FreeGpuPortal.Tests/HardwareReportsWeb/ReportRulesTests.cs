using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.HardwareReports;

using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace FreeGpuPortal.Tests.HardwareReportsWeb;

public sealed class ReportRulesTests
{
    private static readonly DateOnly Today = new(2026, 5, 4);

    private static ReportForm Form(string? text = "MemTotal: 1000 kB", DateOnly? date = null, string? note = null) =>
        new() { Text = text, SessionDate = date ?? Today, Note = note };

    [Fact]
    public void A_complete_form_has_no_errors()
    {
        Assert.Empty(ReportRules.Validate(Form(note: new string('n', 1000)), Today));
        Assert.Empty(ReportRules.Validate(Form(date: new DateOnly(2015, 1, 1)), Today));
    }

    [Theory]
    [InlineData(null, "Report.Error.TextRequired")]
    [InlineData("  \r\n ", "Report.Error.TextRequired")]
    public void Text_is_required(string? text, string key) =>
        Assert.Equal(key, Assert.Single(ReportRules.Validate(Form(text), Today)).MessageKey);

    [Fact]
    public void Text_is_measured_in_utf8_bytes_after_crlf_becomes_lf()
    {
        var limit = ReportRules.MaxTextBytes;
        Assert.Empty(ReportRules.Validate(Form(new string('a', limit)), Today));
        // 128 K lines sent with CRLF are 384 K characters, but 256 KB with LF: accepted.
        Assert.Empty(ReportRules.Validate(Form(string.Concat(Enumerable.Repeat("a\r\n", limit / 2))), Today));
        var tooLarge = Assert.Single(ReportRules.Validate(Form(new string('a', limit + 1)), Today));
        Assert.Equal("Report.Error.TooLarge", tooLarge.MessageKey);
        Assert.Equal([256, 256], tooLarge.Arguments);
        // 2-byte characters: half as many fit.
        Assert.Equal("Report.Error.TooLarge", Assert.Single(ReportRules.Validate(Form(new string('é', (limit / 2) + 1)), Today)).MessageKey);
        Assert.Equal("a\nb\n", ReportRules.NormalizeText("a\r\nb\r\n"));
    }

    [Fact]
    public void The_session_date_is_required_not_in_the_future_and_not_before_2015()
    {
        Assert.Equal("Report.Error.DateRequired", Assert.Single(ReportRules.Validate(new ReportForm { Text = "x" }, Today)).MessageKey);
        Assert.Equal("Report.Error.DateInFuture", Assert.Single(ReportRules.Validate(Form(date: Today.AddDays(1)), Today)).MessageKey);
        Assert.Equal("Report.Error.DateTooEarly", Assert.Single(ReportRules.Validate(Form(date: new DateOnly(2014, 12, 31)), Today)).MessageKey);
    }

    [Fact]
    public void The_note_may_have_1000_characters_after_trimming()
    {
        Assert.Empty(ReportRules.Validate(Form(note: "  " + new string('n', 1000) + "  "), Today));
        var error = Assert.Single(ReportRules.Validate(Form(note: new string('n', 1001)), Today));
        Assert.Equal(("Note", "Report.Error.NoteTooLong"), (error.Field, error.MessageKey));
    }

    [Theory]
    [InlineData(13290452, 13.6)] // Colab
    [InlineData(32880512, 33.7)]
    [InlineData(16384000, 16.8)]
    [InlineData(1024, 0)]
    public void MemTotal_in_KiB_becomes_decimal_GB_to_one_place(long kib, double gb) =>
        Assert.Equal(gb, ReportRules.MemTotalGb(kib));

    [Theory]
    [InlineData("Tesla T4", "tesla-t4")]
    [InlineData("NVIDIA Tesla T4", "tesla-t4")]
    [InlineData("tesla t4", "tesla-t4")]
    [InlineData("Tesla P100-PCIE-16GB", "tesla-p100")]
    [InlineData("Tesla P4", "tesla-p4")]
    [InlineData("Tesla P40", null)]
    [InlineData("Tesla K80", "tesla-k80")]
    [InlineData("NVIDIA A100-SXM4-40GB", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_reported_gpu_matches_a_reference_model_by_the_words_of_its_name(string? reported, string? slug)
    {
        GpuModel[] models =
        [
            new() { Slug = "tesla-t4", Name = "Tesla T4" },
            new() { Slug = "tesla-p4", Name = "Tesla P4" },
            new() { Slug = "tesla-p100", Name = "Tesla P100 (PCIe)" },
            new() { Slug = "tesla-k80", Name = "Tesla K80" },
        ];

        Assert.Equal(slug, ReportModeration.MatchGpuModel(reported, models)?.Slug);
    }

    [Fact]
    public void Stored_parsed_json_round_trips_and_unreadable_json_is_empty()
    {
        var parsed = new ParsedReport([new ParsedGpu("Tesla T4", 15360), new ParsedGpu(null, null)], ["Found 1 GPU."]);

        var back = ParsedReport.FromJson(parsed.ToJson());

        Assert.Equal(parsed.Gpus, back.Gpus);
        Assert.Equal(parsed.Messages, back.Messages);
        Assert.Same(ParsedReport.Empty, ParsedReport.FromJson("{not json"));
        Assert.Same(ParsedReport.Empty, ParsedReport.FromJson(null));
        Assert.Empty(ParsedReport.FromJson("{}").Gpus);
    }

    [Fact]
    public void The_evidence_names_the_report_and_its_session_and_links_its_public_anchor()
    {
        var report = new SubmittedReport { Id = 12, SessionDate = new DateOnly(2026, 1, 19) };

        Assert.Equal("Hardware report #12 (session 2026-01-19)", ReportModeration.EvidenceNote(report));
        Assert.Equal("https://portal.example/platforms/colab#report-12", ReportModeration.PublicUrl("https://portal.example/", "colab", 12));
    }

    [Fact]
    public void Only_saving_posts_count_against_the_submission_limit()
    {
        Assert.False(HardwareReportsExtensions.CountsAgainstLimit(Request("GET", form: null)));
        Assert.False(HardwareReportsExtensions.CountsAgainstLimit(Request("POST", ReportForm.CheckStep)));
        Assert.True(HardwareReportsExtensions.CountsAgainstLimit(Request("POST", ReportForm.SaveStep)));
        Assert.True(HardwareReportsExtensions.CountsAgainstLimit(Request("POST", "anything else")));
        Assert.True(HardwareReportsExtensions.CountsAgainstLimit(Request("POST", form: null)));
        Assert.True(HardwareReportsExtensions.CountsAgainstLimit(Request("POST", ReportForm.CheckStep, antiforgeryValid: false)));
    }

    private static HttpRequest Request(string method, string? form, bool antiforgeryValid = true)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        if (form is not null)
        {
            context.Features.Set<IFormFeature>(new FormFeature(new FormCollection(new Dictionary<string, StringValues>
            {
                [HardwareReportsExtensions.StepField] = form,
            })));
        }

        if (!antiforgeryValid)
        {
            context.Features.Set<IAntiforgeryValidationFeature>(new InvalidToken());
        }

        return context.Request;
    }

    private sealed class InvalidToken : IAntiforgeryValidationFeature
    {
        public bool IsValid => false;

        public Exception? Error => null;
    }
}
