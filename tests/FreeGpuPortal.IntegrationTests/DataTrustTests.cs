using System.Text;

using FreeGpuPortal.IntegrationTests.Api;
using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog.Editing;

using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.IntegrationTests;

/// <summary>
/// Sources, freshness and history as visitors meet them on the real app over a real SQLite file: a saved change
/// cites its evidence on / and on the platform page, the data's age is said in words, and history reads like the page.
/// </summary>
public sealed class DataTrustTests : IAsyncLifetime
{
    private static readonly Actor Admin = new("trust-admin", "trust-admin@example.org");
    private const string Evidence = "https://www.kaggle.com/docs/efficient-gpu-usage";
    private readonly PortalHost _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private CatalogEditor Editor => _factory.Services.GetRequiredService<CatalogEditor>();

    private async Task<EditResult> EditKaggleSessionAsync()
    {
        _ = _factory.CreateClient();
        var kaggle = (await Editor.GetForEditAsync("kaggle"))!;
        kaggle.MaxSessionHours.Min = kaggle.MaxSessionHours.Max = 12;
        kaggle.IdleTimeoutMinutes.Min = kaggle.IdleTimeoutMinutes.Max = 40;
        kaggle.NotesStillHold.Add(nameof(PlatformEditModel.IdleTimeoutMinutes));
        return await Editor.UpdateAsync(new PlatformChangeRequest(kaggle, new ChangeEvidence { EvidenceUrl = Evidence, Note = "Read the GPU usage page." }, Admin));
    }

    [Fact]
    public async Task A_saved_change_with_evidence_shows_that_url_as_the_values_source_on_the_table_and_the_platform_page()
    {
        Assert.IsType<EditResult.Success>(await EditKaggleSessionAsync());
        var client = _factory.CreateClient();

        var table = await client.GetStringAsync("/");
        var page = await client.GetStringAsync("/platforms/kaggle");

        var session = Cell(table, "kaggle", "session");
        Assert.Contains("12 h", session);
        Assert.Contains($"href=\"{Evidence}\"", session);
        Assert.DoesNotContain("towardsdatascience.com", session);
        Assert.Contains("as of", session);
        var idle = Cell(table, "kaggle", "idle");
        Assert.Contains($"href=\"{Evidence}\"", idle);
        Assert.Contains("In interactive GPU mode.", idle); // the admin confirmed the old note still holds

        var row = page[page.IndexOf("Max session", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains($"href=\"{Evidence}\"", row);
        Assert.Contains($"datetime=\"{DateTime.UtcNow:yyyy-MM-dd}\"", row);
        Assert.DoesNotContain("may be out of date", row);
    }

    [Fact]
    public async Task The_top_of_the_table_says_where_the_data_comes_from_and_how_old_it_is_and_old_values_say_so_in_words()
    {
        var client = _factory.CreateClient();

        var table = await client.GetStringAsync("/");
        var platform = await client.GetStringAsync("/platforms/colab");
        var compare = await client.GetStringAsync("/compare?p=colab&p=kaggle");

        var age = table[table.IndexOf("data-testid=\"catalog-age\"", StringComparison.Ordinal)..];
        age = age[..age.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains("Most values (", age);
        Assert.Contains("free tiers of about 2021", age);
        Assert.Contains("No value has been checked and dated since.", age);
        Assert.Contains("may be out of date (undated, or older than 180 days)", age);
        Assert.Contains("undated", Cell(table, "colab", "ram"));
        Assert.Contains("may be out of date", Cell(table, "colab", "ram"));
        Assert.Contains("may be out of date", platform);
        Assert.Contains("never confirmed by an admin", platform);
        Assert.Contains("may be out of date", compare);
        Assert.DoesNotContain("when it was last verified", table); // the footer claims nothing untrue
    }

    [Fact]
    public async Task A_verification_is_shown_with_the_page_that_was_checked_and_counts_as_the_last_verified_date()
    {
        _ = _factory.CreateClient();
        var colab = (await Editor.GetForEditAsync("colab"))!;
        var result = await Editor.VerifyAsync(colab.Id, colab.ConcurrencyStamp, Admin, new ChangeEvidence { EvidenceUrl = "https://research.google.com/colaboratory/faq.html" });

        Assert.IsType<EditResult.Success>(result);
        var page = await _factory.CreateClient().GetStringAsync("/platforms/colab");
        var verified = page[page.IndexOf("class=\"last-verified\"", StringComparison.Ordinal)..];
        verified = verified[..verified.IndexOf("</p>", StringComparison.Ordinal)];
        Assert.Contains("checked against", verified);
        Assert.Contains("href=\"https://research.google.com/colaboratory/faq.html\"", verified);
        var sorted = await _factory.CreateClient().GetStringAsync("/?sort=-lastVerified");
        Assert.True(sorted.IndexOf("data-platform=\"colab\"", StringComparison.Ordinal) < sorted.IndexOf("data-platform=\"kaggle\"", StringComparison.Ordinal));
        var ascending = await _factory.CreateClient().GetStringAsync("/?sort=lastVerified");
        Assert.True(ascending.IndexOf("data-platform=\"colab\"", StringComparison.Ordinal) < ascending.IndexOf("data-platform=\"kaggle\"", StringComparison.Ordinal)); // unknown last
    }

    [Fact]
    public async Task Public_history_reads_in_the_words_and_units_of_the_page()
    {
        _ = _factory.CreateClient();
        var colab = (await Editor.GetForEditAsync("colab"))!;
        colab.WeeklyQuotaKind = Web.Catalog.WeeklyQuotaKind.Limited;
        colab.WeeklyGpuHours.Min = colab.WeeklyGpuHours.Max = 15;
        colab.Features.Single(f => f.Key == "cloud-storage-integration").Available = false;
        Assert.IsType<EditResult.Success>(await Editor.UpdateAsync(new PlatformChangeRequest(colab, new ChangeEvidence { EvidenceUrl = "https://colab.research.google.com/signup" }, Admin)));

        var html = await _factory.CreateClient().GetStringAsync("/platforms/colab");
        var history = html[html.IndexOf("data-testid=\"platform-history\"", StringComparison.Ordinal)..];

        Assert.Contains("No weekly quota", history);
        Assert.Contains("limited weekly quota", history);
        Assert.Contains("15 h", history);
        Assert.Contains("1 × Tesla K80", history);
        Assert.Contains("Cloud storage integration: No", history);
        Assert.DoesNotContain("NoQuota", history);
        Assert.DoesNotContain("tesla-k80 ×1", history);
        Assert.DoesNotContain("cloud-storage-integration:", history);
        Assert.DoesNotContain("&lt;https://", history);
        Assert.Contains("href=\"https://colab.research.google.com/signup\"", history);
    }

    [Fact]
    public async Task Bidirectional_controls_are_removed_from_catalog_text_on_input()
    {
        _ = _factory.CreateClient();
        var colab = (await Editor.GetForEditAsync("colab"))!;
        colab.Vendor = "Google \u202ELLC\u202C";
        colab.Name = "Google \u2067Colab\u2069";

        Assert.IsType<EditResult.Success>(await Editor.UpdateAsync(new PlatformChangeRequest(colab, ChangeEvidence.None, Admin)));

        var saved = (await Editor.GetForEditAsync("colab"))!;
        Assert.Equal("Google LLC", saved.Vendor);
        Assert.Equal("Google Colab", saved.Name);
    }

    [Fact]
    public async Task The_csv_starts_with_a_byte_order_mark_and_gives_sources_dates_feature_names_and_absolute_pages()
    {
        Assert.IsType<EditResult.Success>(await EditKaggleSessionAsync());

        var bytes = await _factory.CreateClient().GetByteArrayAsync("/api/v1/platforms.csv");

        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble));
        var records = Csv.Parse(Encoding.UTF8.GetString(bytes.AsSpan(Encoding.UTF8.Preamble.Length)));
        var header = records[0].ToList();
        var kaggle = records.Single(r => r[0] == "kaggle");
        Assert.Equal("http://localhost/platforms/kaggle", kaggle[header.IndexOf("Page")]);
        Assert.Contains("Background execution", kaggle[header.IndexOf("Features")]);
        Assert.Equal(Evidence, kaggle[header.IndexOf("Max session source")]);
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), kaggle[header.IndexOf("Max session as of")]);
        Assert.Contains("towardsdatascience.com", kaggle[header.IndexOf("RAM source")]);
        Assert.Equal("", kaggle[header.IndexOf("RAM as of")]); // undated
        Assert.Equal("", kaggle[header.IndexOf("Storage source")]); // unknown
        Assert.Contains("30–41", Encoding.UTF8.GetString(bytes));
    }

    /// <summary>The HTML of one cell of the comparison table: row <paramref name="slug"/>, column <paramref name="column"/>.</summary>
    private static string Cell(string html, string slug, string column)
    {
        var row = html[html.IndexOf($"<tr data-platform=\"{slug}\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        var cell = row[row.IndexOf($"data-column=\"{column}\"", StringComparison.Ordinal)..];
        return cell[..cell.IndexOf("</td>", StringComparison.Ordinal)];
    }
}
