namespace FreeGpuPortal.Web.Hosting;

/// <summary>
/// Security headers on every response: pages, API, static files, error and status-code pages, cached and uncached.
/// The policy allows what the app was measured to need (docs/decisions/0007-security-headers.md): scripts only from
/// this origin (no inline scripts, no eval), styles from this origin plus inline styles (MudBlazor writes
/// <c>style</c> attributes and Blazor's reconnect display a <c>style</c> element), the interactive circuit's
/// WebSocket to this origin, and nothing may frame the app.
/// </summary>
public static class SecurityHeadersExtensions
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; "
        + "script-src 'self'; "
        + "style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; "
        + "font-src 'self'; "
        + "connect-src 'self'; "
        + "object-src 'none'; "
        + "base-uri 'self'; "
        + "form-action 'self'; "
        + "frame-ancestors 'none'";

    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    /// <summary>
    /// Sets the headers just before the response starts, so they also replace what later middleware wrote:
    /// Blazor's own <c>Content-Security-Policy: frame-ancestors 'self'</c> for interactive pages (two CSP headers would
    /// both apply) and any <c>X-Frame-Options</c>. Register it first, so it covers responses of every other component,
    /// the output cache's replays included.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = ReferrerPolicy;
                // frame-ancestors supersedes it; a second, weaker statement (SAMEORIGIN) would only confuse.
                headers.Remove("X-Frame-Options");
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
}
