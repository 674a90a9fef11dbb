using FreeGpuPortal.Web.Catalog;

namespace FreeGpuPortal.Web.Hosting;

/// <summary>
/// Applies <see cref="Slugs"/>' rule to addresses: a GET or HEAD whose platform slug is not in canonical (lower-case)
/// form is answered with a permanent redirect to the canonical address, for every route with a <c>{slug}</c>
/// parameter (platform page, report page, API, admin) and for the compare page's <c>p</c> list. Other methods are not
/// redirected (a form post would be lost); they match the slug whatever its case.
/// </summary>
public static class CanonicalSlugExtensions
{
    public const string SlugRouteValue = "slug";
    public const string ComparePath = "/compare";
    public const string CompareParameter = "p";

    public static WebApplication UseCanonicalSlugs(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var request = context.Request;
            if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && CanonicalTarget(request) is { } target)
            {
                context.Response.Redirect(target, permanent: true);
                return Task.CompletedTask;
            }

            return next(context);
        });
        return app;
    }

    /// <summary>The canonical address of this request, or null when it already is canonical.</summary>
    public static string? CanonicalTarget(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        var query = request.QueryString.Value ?? "";
        var changed = false;

        if (request.RouteValues.TryGetValue(SlugRouteValue, out var value) && value is string slug && !Slugs.IsCanonical(slug))
        {
            var segments = path.Split('/');
            var index = Array.FindIndex(segments, s => string.Equals(Uri.UnescapeDataString(s), slug, StringComparison.Ordinal));
            if (index >= 0)
            {
                segments[index] = Uri.EscapeDataString(Slugs.Canonical(slug));
                path = string.Join('/', segments);
                changed = true;
            }
        }

        if (string.Equals(path, ComparePath, StringComparison.OrdinalIgnoreCase) && query.Length > 1)
        {
            var parts = query[1..].Split('&');
            for (var i = 0; i < parts.Length; i++)
            {
                var equals = parts[i].IndexOf('=', StringComparison.Ordinal);
                if (equals > 0 && parts[i][..equals] == CompareParameter)
                {
                    var given = Uri.UnescapeDataString(parts[i][(equals + 1)..].Replace('+', ' '));
                    if (!Slugs.IsCanonical(given))
                    {
                        parts[i] = $"{CompareParameter}={Uri.EscapeDataString(Slugs.Canonical(given)).Replace("%2C", ",", StringComparison.Ordinal)}";
                        changed = true;
                    }
                }
            }

            query = "?" + string.Join('&', parts);
        }

        return changed ? $"{request.PathBase}{path}{query}" : null;
    }
}
