using System.Net;
using System.Text.RegularExpressions;

using FreeGpuPortal.Web.Localization;

using Microsoft.Extensions.Localization;

namespace FreeGpuPortal.Web.Hosting;

/// <summary>
/// Outside Development every cookie is HTTPS-only (see AccountsExtensions), so a form cannot work over plain HTTP:
/// antiforgery would refuse to issue its token and the request would end in a 500. Over plain HTTP (after the
/// forwarded headers of a trusted proxy are applied) this redirects to HTTPS when an HTTPS address is configured
/// ("https_port", or an https:// URL to listen on); otherwise the pages with forms — sign-in and accounts, the admin
/// area, the hardware-report and suggestion forms — and every form post answer 403 with a page that says plainly that they need
/// HTTPS. The read-only public pages and the API keep working.
/// </summary>
public static partial class HttpsRequirementExtensions
{
    public static WebApplication UseHttpsForForms(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            return app;
        }

        if (HttpsAddressConfigured(app.Configuration))
        {
            app.UseHttpsRedirection();
            return app;
        }

        app.Use(async (context, next) =>
        {
            if (context.Request.IsHttps || !NeedsHttps(context.Request))
            {
                await next(context);
                return;
            }

            var text = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.WriteAsync(Page(text, context.Request.PathBase), context.RequestAborted);
        });
        return app;
    }

    /// <summary>Sign-in and account pages, the admin area, the report and suggestion forms, and any form post outside the API.</summary>
    public static bool NeedsHttps(HttpRequest request)
    {
        var path = request.Path;
        if (path.StartsWithSegments("/Account", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase)
            || VisitorFormPath().IsMatch(path.Value ?? ""))
        {
            return true;
        }

        return !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
            && !path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase);
    }

    private static bool HttpsAddressConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["https_port"])
        || (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(url => url.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex("^/platforms/[^/]+/(report|suggest)/?$", RegexOptions.IgnoreCase)]
    private static partial Regex VisitorFormPath();

    private static string Page(IStringLocalizer<SharedResource> text, PathString pathBase)
    {
        static string Html(LocalizedString value) => WebUtility.HtmlEncode(value.Value);
        return $"""
            <!DOCTYPE html>
            <html lang="{PortalLanguages.Current}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{Html(text["HttpsRequired.Title"])}</title></head>
            <body>
            <main data-https-required>
            <h1>{Html(text["HttpsRequired.Title"])}</h1>
            <p>{Html(text["HttpsRequired.Lead"])}</p>
            <p>{Html(text["HttpsRequired.Visitor"])} <a href="{WebUtility.HtmlEncode(pathBase + "/")}">{Html(text["HttpsRequired.Home"])}</a></p>
            <p>{Html(text["HttpsRequired.Operator"])}</p>
            </main>
            </body>
            </html>
            """;
    }
}
