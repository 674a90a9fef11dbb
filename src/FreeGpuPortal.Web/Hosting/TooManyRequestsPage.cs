using System.Globalization;
using System.Net;

using FreeGpuPortal.Web.Components.Catalog;
using FreeGpuPortal.Web.Localization;

using Microsoft.Extensions.Localization;

namespace FreeGpuPortal.Web.Hosting;

/// <summary>
/// The answer to a request refused by a rate limit: a person (a page or form) gets a small HTML page saying when to
/// try again; a script (the JSON API, or a client that does not ask for HTML) gets problem details. Both carry
/// Retry-After and are never cached.
/// </summary>
public static class TooManyRequestsPage
{
    public static async Task WriteAsync(HttpContext context, int retryAfterSeconds)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        if (!WantsHtml(context.Request))
        {
            await TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests",
                detail: $"This address has made too many requests of this kind. Try again in {retryAfterSeconds} {(retryAfterSeconds == 1 ? "second" : "seconds")}.")
                .ExecuteAsync(context);
            return;
        }

        var text = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var retryAt = DateTimeOffset.UtcNow.AddSeconds(retryAfterSeconds);
        var back = context.Request.PathBase + context.Request.Path;
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="{{PortalLanguages.Current}}">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>{{Encode(text["TooMany.Title"])}} · {{Encode(text["App.Name"])}}</title>
            <link rel="stylesheet" href="{{Encode(context.Request.PathBase + "/app.css")}}" />
            </head>
            <body>
            <main class="page" data-testid="too-many-requests">
            <h1 class="page-title">{{Encode(text["TooMany.Title"])}}</h1>
            <p>{{Encode(CountText.For(text, "TooMany.Lead", retryAfterSeconds, retryAfterSeconds, retryAt.ToString("HH:mm", CultureInfo.InvariantCulture)))}}</p>
            <p>{{Encode(text["TooMany.Kept"])}}</p>
            <p><a href="{{Encode(back)}}">{{Encode(text["TooMany.Back"])}}</a> · <a href="{{Encode(context.Request.PathBase + "/")}}">{{Encode(text["TooMany.Home"])}}</a></p>
            </main>
            </body>
            </html>
            """, context.RequestAborted);
    }

    /// <summary>A person's browser asks for HTML; the API and scripts do not.</summary>
    public static bool WantsHtml(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
