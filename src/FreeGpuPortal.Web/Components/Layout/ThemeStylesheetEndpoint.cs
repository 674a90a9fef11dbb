namespace FreeGpuPortal.Web.Components.Layout;

public static class ThemeStylesheetEndpoint
{
    public static IEndpointRouteBuilder MapThemeStylesheet(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ThemeStylesheet.Path, async (ThemeStylesheet theme, HttpContext context) =>
        {
            var (css, version) = await theme.GetAsync();
            // Pages link it with ?v={version}: a new theme is a new URL, so the old one can be cached for good.
            context.Response.Headers.CacheControl = context.Request.Query["v"] == version
                ? "public, max-age=31536000, immutable"
                : "public, max-age=300";
            return TypedResults.Text(css, "text/css; charset=utf-8");
        }).ExcludeFromDescription();
        return endpoints;
    }
}
