using System.Net;

using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Data;
using FreeGpuPortal.Web.HardwareReports;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.IntegrationTests.HardwareReports;

/// <summary>
/// Submitting on /platforms/{slug}/report (check, then save, with the antiforgery token), moderation through the
/// service, the public "What people got" section, and applying a report to the catalog with its history entry.
/// </summary>
public sealed class ReportSubmissionTests(LenientPortal portal) : IClassFixture<LenientPortal>
{
    private static readonly Actor Admin = new("report-admin-id", "reports@example.org");

    private ReportModeration Moderation => portal.Services.GetRequiredService<ReportModeration>();

    private async Task<List<SubmittedReport>> ReportsAsync(string slug)
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync();
        return await db.SubmittedReports.AsNoTracking().Where(r => r.Platform!.Slug == slug).OrderBy(r => r.Id).ToListAsync();
    }

    [Fact]
    public async Task The_platform_page_links_to_the_report_page_which_is_a_form_with_a_token_and_no_cache()
    {
        var client = portal.NewClient();

        var platform = await client.GetStringAsync("/platforms/colab");
        var response = await client.GetAsync("/platforms/colab/report");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("href=\"platforms/colab/report\"", platform);
        Assert.DoesNotContain("__RequestVerificationToken", platform); // the cached page has no form
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Report what you got on Google Colab", html);
        Assert.Contains("name=\"__RequestVerificationToken\"", html);
        Assert.Contains("name=\"Model.Text\"", html);
        Assert.Matches("<input[^>]*id=\"report-date\"[^>]*value=\"\"", html); // empty: the paste's timestamp, or today, fills it
        Assert.Contains("Leave it empty to use the date nvidia-smi printed in your paste", html);
        Assert.Matches("<input[^>]*id=\"report-website\"[^>]*tabindex=\"-1\"[^>]*autocomplete=\"off\"|<input[^>]*tabindex=\"-1\"[^>]*autocomplete=\"off\"[^>]*id=\"report-website\"", html);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/platforms/no-such-platform/report")).StatusCode);
    }

    [Fact]
    public async Task Check_shows_the_parsed_values_and_keeps_the_text_then_save_stores_a_pending_report_that_is_not_public()
    {
        var client = portal.NewClient();
        var before = (await ReportsAsync("kaggle")).Count;

        var check = await ReportForms.PostAsync(client, "kaggle", "check", Pastes.ColabSession, note: "GPU T4 x1 runtime");
        var checkHtml = await check.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Contains("data-testid=\"report-preview\"", checkHtml);
        Assert.Contains("Tesla T4", checkHtml);
        Assert.Contains("15360 MiB", checkHtml);
        Assert.Contains("550.54.15", checkHtml);
        Assert.Contains("12.4", checkHtml);
        Assert.Contains("Intel(R) Xeon(R) CPU @ 2.20GHz", checkHtml);
        Assert.Contains("13.6 GB (MemTotal 13,290,452 KiB)", checkHtml);
        Assert.Contains("| NVIDIA-SMI 550.54.15              Driver Version: 550.54.15", checkHtml); // the text stays in the form
        Assert.Contains("GPU T4 x1 runtime", checkHtml);
        Assert.Contains("data-testid=\"report-save\"", checkHtml);
        Assert.Equal(before, (await ReportsAsync("kaggle")).Count); // checking stores nothing

        var save = await ReportForms.PostAsync(
            client, "kaggle", "save", Pastes.ColabSession, note: "GPU T4 x1 runtime", checkedHash: ReportForms.CheckedHash(checkHtml));
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode); // post → redirect → get
        Assert.Equal("/platforms/kaggle/report/thanks", save.Headers.Location?.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
        var saveHtml = await client.GetStringAsync("/platforms/kaggle/report/thanks");
        Assert.Contains("data-testid=\"report-thanks\"", saveHtml);
        Assert.Contains("It will appear on the platform page after an admin has reviewed it.", saveHtml);
        var report = Assert.Single((await ReportsAsync("kaggle")).Skip(before));
        Assert.Equal(ReportStatus.Pending, report.Status);
        Assert.Equal("Tesla T4", report.GpuName);
        Assert.Equal(15360, report.GpuMemoryMiB);
        Assert.Equal(1, report.GpuCount);
        Assert.Equal("550.54.15", report.DriverVersion);
        Assert.Equal("12.4", report.CudaVersion);
        Assert.Equal("Intel(R) Xeon(R) CPU @ 2.20GHz", report.CpuModel);
        Assert.Equal(2, report.LogicalCpus);
        Assert.Equal(13290452, report.MemTotalKiB);
        Assert.Equal("GPU T4 x1 runtime", report.Note);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), report.SessionDate);
        Assert.Equal(Pastes.ColabSession.Replace("\r\n", "\n", StringComparison.Ordinal), report.RawText);
        Assert.Contains("Tesla T4", report.ParsedJson);
        Assert.True(report.SubmittedAtUtc > DateTime.UtcNow.AddMinutes(-5));

        var page = await client.GetStringAsync("/platforms/kaggle");
        Assert.DoesNotContain($"id=\"report-{report.Id}\"", page);
        Assert.DoesNotContain("GPU T4 x1 runtime", page);
    }

    [Fact]
    public async Task The_thank_you_page_reloads_without_sending_again_and_a_second_identical_save_stores_nothing_new()
    {
        var client = portal.NewClient();
        var paste = Pastes.ColabT4 + "\n# session for the reload test\n";
        var before = (await ReportsAsync("gradient")).Count;

        var save = await ReportForms.CheckAndSaveAsync(client, "gradient", paste);
        var thanks = save.Headers.Location!.OriginalString;
        var reloads = new[] { await client.GetAsync(thanks), await client.GetAsync(thanks) };
        var again = await ReportForms.CheckAndSaveAsync(client, "gradient", paste); // the same form sent again, e.g. from a stale tab

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.All(reloads, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Contains("data-testid=\"report-thanks\"", await reloads[1].Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Single((await ReportsAsync("gradient")).Skip(before));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/platforms/no-such-platform/report/thanks")).StatusCode);
    }

    [Fact]
    public async Task Without_a_date_the_session_is_dated_by_the_pastes_timestamp()
    {
        var client = portal.NewClient();
        var paste = Pastes.Fixture("nvidia-smi/p100-kaggle-560.35.03-empty-processes.txt");
        var before = (await ReportsAsync("kaggle")).Count;

        var save = await ReportForms.CheckAndSaveAsync(client, "kaggle", paste, date: "");

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var report = Assert.Single((await ReportsAsync("kaggle")).Skip(before));
        Assert.Equal(new DateOnly(2025, 9, 20), report.SessionDate); // "Sat Sep 20 23:49:47 2025" in the paste
    }

    [Fact]
    public async Task A_save_without_the_check_of_that_text_checks_it_first_and_stores_nothing()
    {
        var client = portal.NewClient();
        var before = (await ReportsAsync("kaggle")).Count;

        var response = await ReportForms.PostAsync(client, "kaggle", "save", Pastes.ColabT4, checkedHash: "00");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"report-notice\"", html);
        Assert.Contains("Tesla T4", html);
        Assert.Equal(before, (await ReportsAsync("kaggle")).Count);
    }

    [Fact]
    public async Task A_filled_honeypot_says_thank_you_and_stores_nothing()
    {
        var client = portal.NewClient();
        var before = (await ReportsAsync("gradient")).Count;

        var response = await ReportForms.CheckAndSaveAsync(client, "gradient", Pastes.ColabT4, honeypot: "https://spam.example");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/platforms/gradient/report/thanks", response.Headers.Location?.OriginalString);
        Assert.Equal(before, (await ReportsAsync("gradient")).Count);
    }

    [Fact]
    public async Task A_257_KB_paste_is_refused_with_a_clear_message_and_the_text_kept()
    {
        var client = portal.NewClient();
        var text = Pastes.ColabT4 + new string('x', 257 * 1024);

        foreach (var step in new[] { "check", "save" })
        {
            var response = await ReportForms.PostAsync(client, "colab", step, text, checkedHash: "00");
            var html = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("The pasted text is too large (", html);
            Assert.Contains("the limit is 256 KB", html);
            Assert.Contains(new string('x', 257 * 1024), html);
            Assert.DoesNotContain("data-testid=\"report-save\"", html);
        }

        Assert.DoesNotContain(await ReportsAsync("colab"), r => r.RawText.Length > 256 * 1024);
    }

    [Theory]
    [InlineData("not a date", "Enter the date of the session.")]
    [InlineData("2014-12-31", "Enter a session date in 2015 or later.")]
    [InlineData("2999-01-01", "The session date cannot be in the future.")]
    public async Task Bad_dates_are_refused_without_an_error_page_and_keep_the_text(string date, string message)
    {
        var client = portal.NewClient();

        var response = await ReportForms.PostAsync(client, "colab", "check", Pastes.ColabT4, date: date);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html);
        Assert.Contains("Driver Version: 550.54.15", html);
        Assert.DoesNotContain("data-testid=\"report-save\"", html);
    }

    [Fact]
    public async Task A_long_note_or_unreadable_text_is_refused_and_kept()
    {
        var client = portal.NewClient();

        var longNote = await (await ReportForms.PostAsync(client, "colab", "check", Pastes.ColabT4, note: new string('n', 1001))).Content.ReadAsStringAsync();
        var junk = await (await ReportForms.PostAsync(client, "colab", "check", "hello, this is not a report")).Content.ReadAsStringAsync();

        Assert.Contains("Keep the note to 1000 characters (it has 1001).", longNote);
        Assert.Contains(new string('n', 1001), longNote);
        Assert.Contains("Nothing in the text could be read", junk);
        Assert.Contains("hello, this is not a report", junk);
        Assert.DoesNotContain("data-testid=\"report-save\"", junk);
    }

    [Fact]
    public async Task The_form_without_its_antiforgery_token_is_refused()
    {
        var client = portal.NewClient();
        await client.GetStringAsync("/platforms/colab/report");

        var response = await client.PostAsync("/platforms/colab/report", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = ReportForms.Handler,
            ["Model.Text"] = Pastes.ColabT4,
            ["Model.SessionDate"] = "2026-01-19",
            ["Model.Step"] = "save",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Raw_text_with_markup_is_shown_as_text_in_the_form_and_to_the_moderator()
    {
        var client = portal.NewClient();
        var text = "<script>alert('x')</script><b>bold</b>\n" + Pastes.ColabT4;
        var check = await (await ReportForms.PostAsync(client, "colab", "check", text)).Content.ReadAsStringAsync();
        await ReportForms.CheckAndSaveAsync(client, "colab", text);
        var admin = await portal.AdminClientAsync("markup-admin@example.org");

        var moderation = await admin.GetStringAsync("/admin/reports");

        Assert.DoesNotContain("<script>alert", check);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;", check);
        Assert.Contains("data-testid=\"report-raw\"", moderation);
        Assert.DoesNotContain("<script>alert", moderation);
        Assert.DoesNotContain("<b>bold</b>", moderation);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;", moderation);
    }

    [Fact]
    public async Task The_moderation_page_sends_anonymous_visitors_to_sign_in_and_opens_for_admins()
    {
        var anonymous = await portal.NewClient().GetAsync("/admin/reports");
        var admin = await portal.AdminClientAsync("moderation-admin@example.org");
        var page = await admin.GetAsync("/admin/reports");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Account/Login", anonymous.Headers.Location?.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Hardware reports", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Approved_reports_appear_in_what_people_got_with_counts_and_apply_to_the_catalog_with_history()
    {
        var client = portal.NewClient();
        // Gradient lists no T4 and states 8 CPUs and 30 GB: this session supports three changes.
        var empty = await client.GetStringAsync("/platforms/gradient");
        Assert.Contains("data-testid=\"got-empty\"", empty);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await ReportForms.CheckAndSaveAsync(client, "gradient", Pastes.ColabSession, date: today.AddDays(-3).ToString("yyyy-MM-dd"), note: "free tier");
        await ReportForms.CheckAndSaveAsync(client, "gradient", Pastes.ColabT4, date: "2023-05-01");
        var saved = await ReportsAsync("gradient");
        var recent = saved[^2];
        var old = saved[^1];

        Assert.IsType<ModerationResult.Done>(await Moderation.ApproveAsync(recent.Id, Admin));
        Assert.IsType<ModerationResult.Done>(await Moderation.ApproveAsync(old.Id, Admin));
        var page = await client.GetStringAsync("/platforms/gradient"); // the cached page moved on with the approval

        Assert.Contains("2 approved reports from visitors;", page);
        Assert.Contains("1 of them from sessions in the last 90 days.", page);
        Assert.Contains($"datetime=\"{today.AddDays(-3):yyyy-MM-dd}\" data-testid=\"got-newest\"", page);
        Assert.Matches("<tr data-gpu=\"Tesla T4\" data-memory=\"15360\">\\s*<th scope=\"row\">Tesla T4</th>\\s*<td>15360 MiB</td>\\s*<td data-testid=\"got-recent\">1</td>\\s*<td data-testid=\"got-all\">2</td>", page);
        Assert.Contains("Intel(R) Xeon(R) CPU @ 2.20GHz", page);
        Assert.Contains("13.6 GB", page);
        Assert.Contains($"id=\"report-{recent.Id}\"", page);
        Assert.Contains("free tier", page);
        Assert.DoesNotContain("NVIDIA-SMI 550.54.15", page); // never the raw paste
        Assert.DoesNotContain(Admin.DisplayName, page);
        Assert.Contains("class=\"got-bar-fill\"", page);

        var proposal = await Moderation.ProposeAsync(recent.Id);
        Assert.NotNull(proposal);
        Assert.Equal(["RamGb", "CpuCount", "CpuModel", "Gpu:tesla-t4"], proposal.Changes.Select(c => c.Key));
        Assert.Equal("13.6 GB", proposal.Changes[0].Proposed);
        Assert.Equal("30 GB", proposal.Changes[0].Current);

        var url = ReportModeration.PublicUrl("http://localhost/", "gradient", recent.Id);
        var applied = Assert.IsType<ModerationResult.Applied>(
            await Moderation.ApplyAsync(recent.Id, ["RamGb", "Gpu:tesla-t4"], Admin, url));

        var history = (await portal.Services.GetRequiredService<CatalogHistory>().ForPlatformPageAsync("gradient", includeActors: true, page: 1, pageSize: CatalogHistory.MaxPageSize)).Entries;
        var entry = history[0];
        Assert.Equal(applied.ChangeId, entry.Id);
        Assert.Equal($"Hardware report #{recent.Id} (session {today.AddDays(-3):yyyy-MM-dd})", entry.Note);
        Assert.Equal($"http://localhost/platforms/gradient#report-{recent.Id}", entry.EvidenceUrl);
        Assert.Equal(Admin.UserId, entry.ActorUserId);
        Assert.Equal(["RamGb", "Gpus"], entry.Fields.Select(f => f.Field));
        Assert.Equal(applied.ChangeId, (await ReportsAsync("gradient")).Single(r => r.Id == recent.Id).AppliedChangeId);

        var after = await client.GetStringAsync("/platforms/gradient");
        Assert.Contains("13.6 GB", after[..after.IndexOf("id=\"what-people-got\"", StringComparison.Ordinal)]); // in the spec table
        Assert.Contains("data-gpu=\"tesla-t4\"", after);
        Assert.Contains($"Hardware report #{recent.Id} (session", after); // the public history names the evidence
        var api = await client.GetStringAsync("/api/v1/platforms/gradient");
        Assert.Contains("13.6", api);

        // Once applied, it is not applied again, and it cannot be rejected quietly.
        Assert.IsType<ModerationResult.Refused>(await Moderation.ApplyAsync(recent.Id, ["CpuCount"], Admin, url));
        Assert.IsType<ModerationResult.Refused>(await Moderation.RejectAsync(recent.Id, Admin));
    }

    [Fact]
    public async Task Rejected_and_pending_reports_are_never_counted_and_only_approved_ones_apply()
    {
        var client = portal.NewClient();
        await ReportForms.CheckAndSaveAsync(client, "colab", Pastes.ColabSession, note: "rejected one");
        var report = (await ReportsAsync("colab")).Last();

        Assert.IsType<ModerationResult.Refused>(await Moderation.ApplyAsync(report.Id, ["RamGb"], Admin, "http://localhost/platforms/colab"));
        Assert.IsType<ModerationResult.Done>(await Moderation.RejectAsync(report.Id, Admin));
        var page = await client.GetStringAsync("/platforms/colab");

        Assert.DoesNotContain("rejected one", page);
        Assert.DoesNotContain($"id=\"report-{report.Id}\"", page);
        Assert.DoesNotContain(await Moderation.PendingAsync(), i => i.Report.Id == report.Id);
        Assert.IsType<ModerationResult.NotFound>(await Moderation.ApproveAsync(int.MaxValue, Admin));
    }
}

/// <summary>Saving is limited per address (here 2 a window); reading the form and checking are not.</summary>
public sealed class ReportRateLimitTests : IAsyncLifetime
{
    private readonly PortalHost _portal = PortalHost.For(PortalHostOptions.Lenient.WithSettings(new Dictionary<string, string>
    {
        ["RateLimits:ReportSubmit:Permits"] = "2",
        ["RateLimits:ReportSubmit:WindowSeconds"] = "3600",
    }));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task The_third_save_within_the_window_gets_429_with_retry_after_while_checks_and_reads_go_on()
    {
        var client = _portal.NewClient();

        var first = await ReportForms.CheckAndSaveAsync(client, "colab", Pastes.ColabT4);
        var second = await ReportForms.PostAsync(client, "colab", "save", "not even a report", checkedHash: "00"); // a refused save counts too
        var checks = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            checks.Add((await ReportForms.PostAsync(client, "colab", "check", Pastes.ColabT4)).StatusCode);
        }

        var third = await ReportForms.CheckAndSaveAsync(client, "colab", Pastes.ColabT4);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.All(checks, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter?.Delta);
        Assert.InRange(third.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 3600);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/platforms/colab/report")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ReportForms.PostAsync(client, "colab", "check", Pastes.ColabT4)).StatusCode);
    }
}
