using System.Net;
using System.Text.RegularExpressions;

namespace FreeGpuPortal.IntegrationTests.Localization;

/// <summary>What a Chinese account page shows a reader: its language, the text of its main part, and no English left.</summary>
public static partial class ChineseAccountPageText
{
    /// <summary>Latin text a Chinese account page rightly keeps: the product, the server command, codes and names.</summary>
    private static readonly string[] s_keptText =
    [
        "FreeGpuPortal.Web admin reset-password --email you@example.org", "FreeGpuPortal", "Google Authenticator",
        "Microsoft Authenticator", "Aegis", "ID",

        // Chinese writes GPU as GPU ("GPU 型号" in the admin navigation), as the rest of the site does.
        "GPU",
    ];

    [GeneratedRegex("<main[^>]*>(.*)</main>", RegexOptions.Singleline)]
    private static partial Regex MainElement();

    [GeneratedRegex("<(script|style|svg)[^>]*>.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex Hidden();

    [GeneratedRegex("<kbd data-shared-key>[^<]*</kbd>")]
    private static partial Regex SharedKey();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex LatinWord();

    /// <summary>The page's language, as its html element declares it.</summary>
    [GeneratedRegex("<html lang=\"([^\"]+)\"")]
    public static partial Regex HtmlLang();

    /// <summary>The text a reader sees in the page's main part: no markup, scripts or drawings, entities decoded.</summary>
    public static string VisibleMainText(string html)
    {
        var main = MainElement().Match(html);
        Assert.True(main.Success, "the page has no <main>");
        return WebUtility.HtmlDecode(Tag().Replace(Hidden().Replace(main.Groups[1].Value, " "), " "));
    }

    /// <summary>Asks for <c>/zh-CN/{path}</c>: it answers 200, declares Chinese and shows no English.</summary>
    public static async Task AssertChinesePageAsync(HttpClient client, string path, string? email = null)
    {
        var response = await client.GetAsync("/zh-CN/" + path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("zh-CN", HtmlLang().Match(html).Groups[1].Value);
        AssertNoEnglish(path, html, email);
    }

    /// <summary>No Latin word left in the page's main part, beyond <see cref="s_keptText"/>, the account's own
    /// address and an authenticator key.</summary>
    public static void AssertNoEnglish(string page, string html, string? email = null)
    {
        var text = VisibleMainText(SharedKey().Replace(html, " "));
        foreach (var kept in s_keptText.Append(email ?? "you@example.org"))
        {
            text = text.Replace(kept, " ", StringComparison.Ordinal);
        }

        var english = LatinWord().Matches(text).Select(m => m.Value).Distinct().ToList();
        Assert.True(english.Count == 0, $"{page} still shows English: {string.Join(", ", english)}\n{text}");
    }
}
