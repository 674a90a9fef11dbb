using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace FreeGpuPortal.Web.Hosting;

/// <summary>
/// A signed-in user without the right to a page gets status 403 with the access-denied page as its body, instead of
/// the cookie handler's redirect to it (anonymous visitors are still redirected to sign in). The cookie handler only
/// sets the status (<see cref="ForbidWithStatus"/>); this middleware, registered between authentication and
/// authorization, then renders the page <see cref="AccessDeniedPath"/> in place, so the status-code pages do not turn
/// the empty 403 into the not-found page.
/// </summary>
public static class SecurityAccessDeniedExtensions
{
    public const string AccessDeniedPath = "/Account/AccessDenied";

    /// <summary>The path that was refused, for the access-denied page.</summary>
    public const string DeniedPathItem = "FreeGpuPortal.DeniedPath";

    private const string ForbiddenItem = "FreeGpuPortal.Forbidden";

    /// <summary>For <see cref="CookieAuthenticationEvents.OnRedirectToAccessDenied"/>: 403, and the page in place.</summary>
    public static Task ForbidWithStatus(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.HttpContext.Items[ForbiddenItem] = true;
        context.HttpContext.RequestServices.GetRequiredService<SecurityEventLog>().Write(
            LogLevel.Warning,
            SecurityEventTypes.AccessDenied,
            context.HttpContext.User,
            $"{context.Request.Method} {context.Request.Path}");
        return Task.CompletedTask;
    }

    public static IApplicationBuilder UseAccessDeniedPage(this IApplicationBuilder app)
    {
        var endpoints = app.ApplicationServices.GetRequiredService<EndpointDataSource>();
        return app.Use(async (context, next) =>
        {
            await next(context);
            if (context.Items.ContainsKey(ForbiddenItem)
                && context.Response.StatusCode == StatusCodes.Status403Forbidden
                && !context.Response.HasStarted
                && !context.Request.Path.StartsWithSegments("/api")
                && FindPage(endpoints) is { RequestDelegate: { } render } page)
            {
                var (path, query, method) = (context.Request.Path, context.Request.QueryString, context.Request.Method);
                context.Items[DeniedPathItem] = path.Value;
                try
                {
                    context.Request.Path = AccessDeniedPath;
                    context.Request.QueryString = QueryString.Empty;
                    context.Request.Method = HttpMethods.Get;
                    context.Request.RouteValues.Clear();
                    context.SetEndpoint(page);
                    context.Response.Headers.CacheControl = "no-store";
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    await render(context);
                }
                finally
                {
                    (context.Request.Path, context.Request.QueryString, context.Request.Method) = (path, query, method);
                }
            }
        });
    }

    private static RouteEndpoint? FindPage(EndpointDataSource endpoints) =>
        endpoints.Endpoints.OfType<RouteEndpoint>().FirstOrDefault(e =>
            string.Equals(e.RoutePattern.RawText, AccessDeniedPath, StringComparison.OrdinalIgnoreCase)
            && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Get) != false);
}
