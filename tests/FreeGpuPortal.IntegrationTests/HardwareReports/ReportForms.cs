using System.Net;
using System.Text.RegularExpressions;

namespace FreeGpuPortal.IntegrationTests.HardwareReports;

/// <summary>Posts the report form as a browser does: the page's antiforgery token, the form name and the fields.</summary>
public static partial class ReportForms
{
    public const string Handler = "hardware-report";

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"Model.CheckedHash\" value=\"([0-9A-F]+)\"")]
    private static partial Regex CheckedHashPattern();

    public static string Token(string html) =>
        TokenPattern().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No antiforgery token.");

    /// <summary>The fingerprint the check step put in the form, or null when it offers no save.</summary>
    public static string? CheckedHash(string html) =>
        CheckedHashPattern().Match(html) is { Success: true } match ? match.Groups[1].Value : null;

    public static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string slug, string step, string text, string? date = null, string? note = null, string? honeypot = null,
        string? checkedHash = null)
    {
        var page = await client.GetStringAsync($"/platforms/{slug}/report");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(page),
            ["_handler"] = Handler,
            ["Model.Text"] = text,
            ["Model.SessionDate"] = date ?? DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Model.Note"] = note ?? "",
            ["Model.Website"] = honeypot ?? "",
            ["Model.Step"] = step,
        };
        if (checkedHash is not null)
        {
            fields["Model.CheckedHash"] = checkedHash;
        }

        return await client.PostAsync($"/platforms/{slug}/report", new FormUrlEncodedContent(fields));
    }

    /// <summary>Check, then save with the fingerprint the check returned: the way a visitor saves.</summary>
    public static async Task<HttpResponseMessage> CheckAndSaveAsync(
        HttpClient client, string slug, string text, string? date = null, string? note = null, string? honeypot = null)
    {
        var check = await PostAsync(client, slug, "check", text, date, note, honeypot);
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        var hash = CheckedHash(await check.Content.ReadAsStringAsync());
        Assert.NotNull(hash);
        return await PostAsync(client, slug, "save", text, date, note, honeypot, hash);
    }
}

/// <summary>Real pastes from the shared fixtures.</summary>
public static class Pastes
{
    public static string Fixture(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "tests", "fixtures", "hardware-reports", relativePath);
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        throw new FileNotFoundException(relativePath);
    }

    public static string ColabT4 => Fixture("nvidia-smi/t4-colab-550.54.15-empty-processes.txt");

    /// <summary>A whole Colab session: nvidia-smi, lscpu and MemTotal 13,290,452 KiB (13.6 GB).</summary>
    public static string ColabSession =>
        ColabT4 + "\n" + Fixture("lscpu/colab-xeon-2.20-2cpu-md-export.txt") + "\n!cat /proc/meminfo\nMemTotal:       13290452 kB\nMemFree:         9911888 kB\n";
}
