using System.Net;
using System.Text;

using FreeGpuPortal.Web.Data;

using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.IntegrationTests.Security;

/// <summary>
/// Every endpoint of the app — Razor component pages and minimal APIs, read from the routing system itself — is
/// either classified here or the suite fails, and every classified endpoint is requested as anonymous, as a signed-in
/// user who is not an admin, and as an admin, checking who gets in. A new page or endpoint nobody classified fails
/// with a message saying so; one under /admin is admin-only by rule.
/// </summary>
public sealed class AuthorizationMatrixTests(ObservedPortal portal) : IClassFixture<ObservedPortal>
{
    private enum Access
    {
        /// <summary>Anyone, signed in or not.</summary>
        Public,

        /// <summary>Any signed-in account (their own account pages).</summary>
        SignedIn,

        /// <summary>The Admin policy.</summary>
        Admin,
    }

    /// <summary>The explicit decisions: "METHOD /route/pattern" → who may use it.</summary>
    private static readonly Dictionary<string, Access> Decisions = new(StringComparer.OrdinalIgnoreCase)
    {
        // Public pages (GET; a POST to a page without a form handler does nothing).
        ["GET /"] = Access.Public,
        ["GET /platforms/{Slug}"] = Access.Public,
        ["GET /platforms/{Slug}/report"] = Access.Public, // the hardware report form: its POST saves for review, rate-limited
        ["GET /platforms/{Slug}/report/thanks"] = Access.Public, // where a saved report redirects to (post → redirect → get)
        ["GET /platforms/{Slug}/suggest"] = Access.Public, // the correction form: its POST stores for review, rate-limited
        ["GET /suggestions/{Token}/thanks"] = Access.Public, // where a sent suggestion redirects to (post → redirect → get)
        ["GET /suggestions/{Token}"] = Access.Public, // the outcome link: the unguessable token is the key
        ["GET /compare"] = Access.Public,
        ["GET /status"] = Access.Public, // the service status for people (no backup details for anonymous visitors)
        ["GET /api"] = Access.Public,
        ["GET /not-found"] = Access.Public,
        ["GET /Error"] = Access.Public,
        ["GET /theme.css"] = Access.Public,
        ["GET /healthz"] = Access.Public,
        ["GET /{**path:file}"] = Access.Public, // the static-file fallback: files only
        ["GET /openapi/{documentName}.json"] = Access.Public,
        ["GET /changes.atom"] = Access.Public,
        ["GET /platforms/{slug}/changes.atom"] = Access.Public,
        ["GET /sitemap.xml"] = Access.Public,
        ["GET /robots.txt"] = Access.Public,

        // The public read API and the stateless parser, which stores nothing.
        ["GET /api/v1/platforms"] = Access.Public,
        ["GET /api/v1/platforms.csv"] = Access.Public,
        ["GET /api/v1/platforms/{slug}"] = Access.Public,
        ["GET /api/v1/gpu-models"] = Access.Public,
        ["POST /api/v1/hardware-reports/parse"] = Access.Public,

        // Signing in, and what someone who cannot sign in needs: anonymous by necessity.
        ["GET /Account/Login"] = Access.Public,
        ["GET /Account/LoginWith2fa"] = Access.Public,
        ["GET /Account/LoginWithRecoveryCode"] = Access.Public,
        ["GET /Account/Lockout"] = Access.Public,
        ["GET /Account/AccessDenied"] = Access.Public,
        ["GET /Account/ForgotPassword"] = Access.Public,
        ["GET /Account/ForgotPasswordConfirmation"] = Access.Public,
        ["GET /Account/ResetPassword"] = Access.Public,
        ["GET /Account/ResetPasswordConfirmation"] = Access.Public,
        ["GET /Account/InvalidPasswordReset"] = Access.Public,
        ["GET /Account/InvalidUser"] = Access.Public,
        ["GET /Account/ConfirmEmail"] = Access.Public,
        ["GET /Account/ConfirmEmailChange"] = Access.Public,
        ["GET /Account/ResendEmailConfirmation"] = Access.Public,
        ["POST /Account/Logout"] = Access.Public,
        ["POST /Account/PasskeyRequestOptions"] = Access.Public,

        // One's own account.
        ["POST /Account/PasskeyCreationOptions"] = Access.SignedIn,
        ["POST /Account/Manage/DownloadPersonalData"] = Access.SignedIn,
    };

    /// <summary>Prefix rules, checked after <see cref="Decisions"/>.</summary>
    private static Access? ByRule(string pattern) => pattern switch
    {
        _ when pattern.Equals("/admin", StringComparison.OrdinalIgnoreCase)
            || pattern.StartsWith("/admin/", StringComparison.OrdinalIgnoreCase) => Access.Admin,
        _ when pattern.StartsWith("/Account/Manage", StringComparison.OrdinalIgnoreCase) => Access.SignedIn,
        _ => null,
    };

    private sealed record Target(string Method, string Pattern, string Path, Access Access, bool IsPage);

    private async Task<IReadOnlyList<Target>> TargetsAsync()
    {
        _ = portal.Server; // started
        var values = await RouteValuesAsync();
        var unclassified = new List<string>();
        var targets = new List<Target>();
        foreach (var endpoint in portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (IsInfrastructure(endpoint, pattern))
            {
                continue;
            }

            var isPage = endpoint.Metadata.Any(m => m.GetType().Name == "ComponentTypeMetadata");
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => m is "GET" or "POST" or "PUT" or "PATCH" or "DELETE"))
            {
                // A page's POST is its forms' target: it needs what its GET needs, and is checked as its own target.
                var key = $"{(isPage ? "GET" : method)} {pattern}";
                if (!Decisions.TryGetValue(key, out var access) && ByRule(pattern) is not { } rule)
                {
                    unclassified.Add($"{method} {pattern} ({endpoint.DisplayName})");
                    continue;
                }
                else if (!Decisions.ContainsKey(key))
                {
                    access = ByRule(pattern)!.Value;
                }

                targets.Add(new Target(method, pattern, Substitute(endpoint.RoutePattern, values), access, isPage));
            }
        }

        Assert.True(
            unclassified.Count == 0,
            "New endpoints are not classified — decide who may use each and add it to AuthorizationMatrixTests:\n  "
            + string.Join("\n  ", unclassified.Distinct()));
        return targets;
    }

    /// <summary>Static files, Blazor's circuit hub and framework scripts: served to everyone by design.</summary>
    private static bool IsInfrastructure(RouteEndpoint endpoint, string pattern) =>
        endpoint.Metadata.Any(m => m.GetType().Name is "StaticAssetDescriptor" or "StaticAssetMetadata")
        || pattern.StartsWith("/_blazor", StringComparison.Ordinal)
        || pattern.StartsWith("/_framework/", StringComparison.Ordinal)
        || pattern.StartsWith("/_content/", StringComparison.Ordinal);

    /// <summary>Real values for route parameters, so each request reaches the endpoint rather than a 404.</summary>
    private async Task<Dictionary<string, string>> RouteValuesAsync()
    {
        var catalog = portal.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
        await using var db = await catalog.CreateDbContextAsync();
        var changeId = await db.CatalogChanges.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var token = await db.Suggestions.Select(s => s.Token).FirstOrDefaultAsync();
        if (token is null)
        {
            // A visitor's suggestion, for the outcome link's route.
            var suggestion = new FreeGpuPortal.Web.Suggestions.Suggestion
            {
                PlatformId = await db.Platforms.Where(p => p.Slug == "colab").Select(p => p.Id).SingleAsync(),
                Field = "RamGb",
                ProposedMin = 16,
                ProposedMax = 16,
                EvidenceUrl = "https://colab.example/ram",
                Fingerprint = "matrix",
                Token = token = FreeGpuPortal.Web.Suggestions.SuggestionRules.NewToken(),
                SubmittedAtUtc = DateTime.UtcNow,
            };
            db.Suggestions.Add(suggestion);
            await db.SaveChangesAsync();
        }

        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["slug"] = "colab",
            ["documentName"] = "v1",
            ["path"] = "favicon.ico",
            ["token"] = token,
            ["id"] = changeId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["changeId"] = changeId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static string Substitute(RoutePattern pattern, Dictionary<string, string> values)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => values.TryGetValue(parameter.Name, out var value)
                        ? value
                        : throw new InvalidOperationException(
                            $"Route parameter {{{parameter.Name}}} of {pattern.RawText}: add a real value to RouteValuesAsync."),
                    _ => throw new InvalidOperationException(pattern.RawText),
                });
            }
        }

        return path.Length == 0 ? "/" : path.ToString();
    }

    private static HttpRequestMessage Request(Target target) =>
        new(new HttpMethod(target.Method), target.Path)
        {
            // An empty form: enough to reach authorization, which runs before antiforgery and model binding.
            Content = target.Method == "GET" ? null : new FormUrlEncodedContent([]),
        };

    /// <summary>Signing out is the one request a signed-in walk through the matrix must not make.</summary>
    private static bool StaysSignedIn(Target target) => target.Pattern != "/Account/Logout";

    private static bool IsSignInRedirect(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
        && response.Headers.Location?.OriginalString is { } location
        && location.Contains("/Account/Login", StringComparison.Ordinal)
        && location.Contains("ReturnUrl=", StringComparison.Ordinal); // the challenge's, not a page's own redirect

    [Fact]
    public async Task Every_endpoint_is_classified_and_admin_routes_are_admin_only()
    {
        var targets = await TargetsAsync();

        Assert.Contains(targets, t => t is { Pattern: "/admin", Access: Access.Admin });
        Assert.Contains(targets, t => t is { Pattern: "/admin/admins", Access: Access.Admin });
        Assert.All(targets.Where(t => t.Pattern.StartsWith("/admin", StringComparison.OrdinalIgnoreCase)), t => Assert.Equal(Access.Admin, t.Access));
        // Every write outside the account pages and the stateless parser needs the Admin role.
        Assert.All(
            targets.Where(t => !t.IsPage && t.Method != "GET" && t.Access == Access.Public),
            t => Assert.Contains(t.Pattern, new[] { "/api/v1/hardware-reports/parse", "/Account/Logout", "/Account/PasskeyRequestOptions" }));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_every_protected_endpoint()
    {
        var client = portal.NewClient();
        var failures = new List<string>();
        foreach (var target in await TargetsAsync())
        {
            using var response = await client.SendAsync(Request(target));
            var ok = target.Access == Access.Public
                ? response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && !IsSignInRedirect(response)
                : IsSignInRedirect(response) || (!target.IsPage && response.StatusCode == HttpStatusCode.Unauthorized);
            if (!ok)
            {
                failures.Add($"{target.Method} {target.Path} ({target.Access}): {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Signed_in_users_who_are_not_admins_get_403_from_every_admin_endpoint()
    {
        await portal.CreateUserAsync("reader@example.org");
        var client = await portal.SignedInClientAsync("reader@example.org");
        var failures = new List<string>();
        foreach (var target in (await TargetsAsync()).Where(StaysSignedIn))
        {
            using var response = await client.SendAsync(Request(target));
            var ok = target.Access == Access.Admin
                ? response.StatusCode == HttpStatusCode.Forbidden
                : response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && !IsSignInRedirect(response);
            if (!ok)
            {
                failures.Add($"{target.Method} {target.Path} ({target.Access}): {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Admins_reach_every_endpoint()
    {
        await portal.CreateAdminAsync("matrix-admin@example.org");
        var client = await portal.SignedInClientAsync("matrix-admin@example.org");
        var failures = new List<string>();
        foreach (var target in (await TargetsAsync()).Where(StaysSignedIn))
        {
            using var response = await client.SendAsync(Request(target));
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || IsSignInRedirect(response)
                || (target.Method == "GET" && response.StatusCode >= HttpStatusCode.InternalServerError))
            {
                failures.Add($"{target.Method} {target.Path} ({target.Access}): {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
