using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace FreeGpuPortal.Web.Localization;

/// <summary>
/// A page's language is its address: <c>/zh-CN/…</c> (moved into the path base by
/// <see cref="LanguagePrefixExtensions.UseLanguagePrefix"/>) is Chinese, everything else English — never the
/// browser's Accept-Language, so one address always shows one language and stays cacheable. The JSON API, read by
/// scripts, takes <c>?lang=zh-CN</c> or else Accept-Language.
/// </summary>
public sealed class PortalRequestCultureProvider : RequestCultureProvider
{
    public const string LanguageParameter = "lang";

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var request = httpContext.Request;
        var language = request.PathBase.Value?.EndsWith(PortalLanguages.ChinesePrefix, StringComparison.Ordinal) == true
            ? PortalLanguages.Chinese
            : request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) ? ApiLanguage(request) : null;
        return Task.FromResult(language is null ? null : new ProviderCultureResult(language));
    }

    /// <summary>The API's language: <c>lang</c> when it names one, else the most preferred of Accept-Language.</summary>
    public static string? ApiLanguage(HttpRequest request)
    {
        if (request.Query.TryGetValue(LanguageParameter, out var asked))
        {
            return PortalLanguages.FromTag(asked.ToString());
        }

        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var accepted))
        {
            return null;
        }

        return accepted
            .Where(a => (a.Quality ?? 1) > 0)
            .OrderByDescending(a => a.Quality ?? 1)
            .Select(a => PortalLanguages.FromTag(a.Value.Value))
            .FirstOrDefault(l => l is not null);
    }
}
