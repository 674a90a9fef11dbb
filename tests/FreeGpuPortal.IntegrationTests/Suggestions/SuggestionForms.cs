using FreeGpuPortal.IntegrationTests.HardwareReports;

namespace FreeGpuPortal.IntegrationTests.Suggestions;

/// <summary>Posts the suggestion form as a browser does: the page's antiforgery token, the form name and the fields.</summary>
public static class SuggestionForms
{
    public const string Handler = "suggest-correction";

    public static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string slug, string field, string from, string? to = null, string evidenceUrl = "https://www.kaggle.com/docs/notebooks",
        string? note = null, string kind = "value", string? honeypot = null, string? page = null)
    {
        page ??= await client.GetStringAsync($"/platforms/{slug}/suggest?field={field}");
        return await client.PostAsync($"/platforms/{slug}/suggest?field={field}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = ReportForms.Token(page),
            ["_handler"] = Handler,
            ["Model.Field"] = field,
            ["Model.Kind"] = kind,
            ["Model.From"] = from,
            ["Model.To"] = to ?? "",
            ["Model.EvidenceUrl"] = evidenceUrl,
            ["Model.Note"] = note ?? "",
            ["Model.Website"] = honeypot ?? "",
        }));
    }

    /// <summary>The token in a thank-you page's address (<c>/suggestions/{token}/thanks</c>).</summary>
    public static string TokenOf(HttpResponseMessage redirect)
    {
        var location = redirect.Headers.Location?.OriginalString ?? throw new InvalidOperationException("No redirect.");
        var path = location.Replace("http://localhost", "", StringComparison.Ordinal);
        Assert.StartsWith("/suggestions/", path);
        Assert.EndsWith("/thanks", path);
        return path["/suggestions/".Length..^"/thanks".Length];
    }
}
