namespace FreeGpuPortal.Web.Localization;

/// <summary>
/// Serves the Chinese pages under <c>/zh-CN/</c>. The prefix is moved from the path into <c>PathBase</c> before
/// routing, so every route, link (relative to <c>&lt;base href&gt;</c>), redirect and <c>NavigationManager</c> works
/// unchanged under it, and the output cache, whose key holds the path base, keeps the two languages apart. The
/// request culture then follows the path base (see <see cref="PortalRequestCultureProvider"/>).
/// </summary>
public static class LanguagePrefixExtensions
{
    /// <summary>
    /// Early in the pipeline, and it calls <c>UseRouting</c> itself: routing must run after the prefix has moved.
    /// A prefix in another case ("/zh-cn/…") is redirected to the canonical one for GET and HEAD, so each page has
    /// one address and one cache entry.
    /// </summary>
    public static WebApplication UseLanguagePrefix(this WebApplication app)
    {
        app.Use(static (context, next) =>
        {
            var request = context.Request;
            if (!request.Path.StartsWithSegments(PortalLanguages.ChinesePrefix, StringComparison.OrdinalIgnoreCase, out var matched, out var remaining))
            {
                return next(context);
            }

            if (!matched.Value!.Equals(PortalLanguages.ChinesePrefix, StringComparison.Ordinal)
                && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
            {
                context.Response.Redirect($"{request.PathBase}{PortalLanguages.ChinesePrefix}{remaining}{request.QueryString}", permanent: true);
                return Task.CompletedTask;
            }

            request.PathBase = request.PathBase.Add(PortalLanguages.ChinesePrefix);
            request.Path = remaining.HasValue ? remaining : "/";
            return next(context);
        });
        app.UseRouting();
        return app;
    }
}
