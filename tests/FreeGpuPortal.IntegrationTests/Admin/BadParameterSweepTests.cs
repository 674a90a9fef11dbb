using System.Net;

using FreeGpuPortal.IntegrationTests.Accounts;
using FreeGpuPortal.Web.Accounts;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Components.Pages.Platforms;

using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.IntegrationTests.Admin;

/// <summary>
/// Every GET route the app maps (pages, API, admin, account pages), found from its endpoint table rather than listed
/// by hand, asked with bad route and query values — words for numbers, huge, negative, empty, non-Latin, very long,
/// markup — as an anonymous visitor and as a signed-in admin: never a 5xx.
/// </summary>
public sealed class BadParameterSweepTests(PortalHost factory) : IClassFixture<PortalHost>
{
    private const string Password = "a long admin password for tests";

    private static readonly string[] BadValues =
    [
        "abc", "", "-1", "99999999999999999999", "1e309", "日本語\u202E", new string('9', 3000), "<script>x</script>", "../..", "a,b,,c",
    ];

    /// <summary>Every query parameter a page or endpoint reads.</summary>
    private static readonly string[] QueryNames =
    [
        "page", PlatformHistory.PageParameter, "saved", "section", "platform", "actor", "p", PlatformQuery.TextParameter, PlatformQuery.MinGpuMemoryParameter,
        PlatformQuery.GpuMemoryModeParameter, Specs.MaxSessionHours.FilterParameter!, Specs.IdleTimeoutMinutes.FilterParameter!,
        Specs.WeeklyGpuHours.FilterParameter!, PlatformQuery.FeaturesParameter, PlatformQuery.StatusParameter,
        PlatformQuery.SortParameter, "dir", "v", "returnUrl", "ReturnUrl", "rememberMe", "userId", "code", "email", "username",
    ];

    [Fact]
    public async Task No_route_answers_a_bad_parameter_with_a_server_error()
    {
        await using var app = factory.WithWebHostBuilder(builder =>
        {
            // Hundreds of requests from one address: lift the per-IP limits, they are tested elsewhere.
            builder.UseSetting("RateLimits:Api:PermitPerMinute", "1000000");
            builder.UseSetting("RateLimits:HardwareReportParse:PermitPerMinute", "1000000");
        });
        var routes = GetRoutes(app.Services);
        Assert.Contains("/admin/history", routes);
        Assert.Contains("/platforms/{Slug}", routes);
        Assert.Contains("/api/v1/platforms", routes);

        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var admin = await SignedInAdminAsync(app);
        var failures = new List<string>();
        var asked = 0;
        foreach (var route in routes)
        {
            foreach (var value in BadValues)
            {
                var escaped = Uri.EscapeDataString(value);
                var path = System.Text.RegularExpressions.Regex.Replace(route, @"\{[^}]+\}", value.Length == 0 ? "x" : escaped);
                var url = path + "?" + string.Join("&", QueryNames.Select(n => n + "=" + escaped));
                foreach (var client in new[] { admin, anonymous })
                {
                    asked++;
                    using var response = await client.GetAsync(url);
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{(int)response.StatusCode} {(client == admin ? "admin" : "anonymous")} GET {url[..Math.Min(url.Length, 160)]}");
                    }
                }
            }
        }

        Assert.True(asked > 400, $"only {asked} requests");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct().Take(40)));
    }

    [Theory]
    [InlineData("/admin/history?page=abc", "not a page number")]
    [InlineData("/admin/history?page=999", "There is no page 999")]
    [InlineData("/admin/history?page=99999999999999999999", "not a page number")]
    [InlineData("/admin/history?page=2147483647", "There is no page 2147483647")]
    public async Task The_history_says_which_page_it_shows_instead_of_failing(string url, string notice)
    {
        var admin = await SignedInAdminAsync(factory);

        var response = await admin.GetAsync(url);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(notice, html);
        Assert.Contains("data-testid=\"history-list\"", html);
        Assert.DoesNotContain("page 999 of 1", html);
    }

    private static List<string> GetRoutes(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Where(p => !p.StartsWith("/_", StringComparison.Ordinal) && !p.Contains("{**", StringComparison.Ordinal)
                && (!Path.HasExtension(p) || p.EndsWith(".csv", StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    private static async Task<HttpClient> SignedInAdminAsync(WebApplicationFactory<Program> app)
    {
        var email = $"sweep-{Guid.NewGuid():N}@example.org";
        var code = await AdminCommand.RunAsync(
            app.Services, ["admin", "create", "--email", email], new StringReader(Password + "\n"), TextWriter.Null, TextWriter.Null);
        Assert.Equal(0, code);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signIn = await AccountTests.SignInAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }
}
