using System.Net;
using System.Text;

using FreeGpuPortal.Web.Hosting;

using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.IntegrationTests.Security;

/// <summary>
/// Production behind a TLS-terminating proxy and over plain HTTP without one. The test server's client is the fixed
/// address <see cref="PortalHostOptions.TestClientIp"/> (203.0.113.7): trusted as a proxy by <see cref="BehindProxyPortal"/>
/// (through a CIDR network), untrusted by <see cref="PlainHttpPortal"/>.
/// </summary>
public sealed class ReverseProxyTests
{
    private const string VisitorIp = "198.51.100.23";

    [Fact]
    public async Task Behind_a_trusted_proxy_the_scheme_host_and_client_address_come_from_its_headers()
    {
        await using var portal = BehindProxyPortal();
        // The app sees plain HTTP from the proxy, so a client-side cookie jar would hold back the Secure cookies that
        // a browser sends over HTTPS to nginx: this client passes them on by hand, as nginx does.
        var client = portal.Server.CreateClient();
        Forward(client, VisitorIp);

        var login = await client.GetAsync("/Account/Login");
        var loginHtml = await login.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.True(login.Headers.Contains("Strict-Transport-Security")); // HSTS goes out only over HTTPS

        // A link the app builds from the request: the sign-in redirect names the public scheme and host.
        var admin = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.StartsWith("https://portal.example/Account/Login", admin.Headers.Location!.ToString(), StringComparison.Ordinal);

        // The security event names the visitor, not the proxy.
        var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = PortalHost.AntiforgeryToken(loginHtml),
                ["_handler"] = "login",
                ["Input.Email"] = "proxy-visitor@example.org",
                ["Input.Password"] = "not the password at all",
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        var failed = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        var logged = Assert.Single(portal.Log.Security(SecurityEventTypes.SignInFailed), e => CapturedLog.Scalar(e.Properties["UserEmail"]) == "proxy-visitor@example.org");
        Assert.Equal(VisitorIp, CapturedLog.Scalar(logged.Properties["ClientIp"]));
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_rate_limits_count_per_visitor()
    {
        await using var portal = BehindProxyPortal();
        var statuses = new List<HttpStatusCode>();
        foreach (var visitor in new[] { "198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.1", "198.51.100.1" })
        {
            var client = portal.NewClient();
            Forward(client, visitor);
            statuses.Add((await client.GetAsync("/api/v1/platforms")).StatusCode);
        }

        // Two reads a minute each: only the first visitor's third read is refused.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_untrusted_address_change_nothing()
    {
        await using var portal = PlainHttpPortal();
        var statuses = new List<HttpStatusCode>();
        foreach (var spoofed in new[] { "198.51.100.1", "198.51.100.2", "198.51.100.3" })
        {
            var client = portal.NewClient();
            Forward(client, spoofed);
            statuses.Add((await client.GetAsync("/api/v1/platforms")).StatusCode);
        }

        // Counted as one client (the real address), whatever X-Forwarded-For claims.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);

        // Claiming HTTPS does not make plain HTTP secure: the sign-in page still says it needs HTTPS.
        var spoofer = portal.NewClient();
        Forward(spoofer, "198.51.100.9");
        var login = await spoofer.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.Forbidden, login.StatusCode);
        Assert.Contains("data-https-required", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(login.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Over_plain_http_the_public_pages_work_and_the_pages_with_forms_say_they_need_https()
    {
        await using var portal = PlainHttpPortal();
        var client = portal.NewClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/platforms/colab")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/platforms")).StatusCode);
        foreach (var path in new[] { "/Account/Login", "/platforms/colab/report", "/admin", "/admin/history" })
        {
            var response = await client.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {(int)response.StatusCode}");
            Assert.Contains("This page needs a secure (HTTPS) connection", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Set-Cookie", response.Headers.Select(h => h.Key));
        }

        var post = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "a@example.org" }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task Over_plain_http_with_an_https_port_configured_the_form_pages_redirect_to_https()
    {
        await using var portal = PlainHttpPortal(new Dictionary<string, string> { ["https_port"] = "443" });

        var response = await portal.NewClient().GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://portal.example/Account/Login", response.Headers.Location?.ToString());
    }

    public static TheoryData<string> Setups => ["behind-proxy", "plain-http"];

    [Theory]
    [MemberData(nameof(Setups))]
    public async Task Every_page_and_form_answers_without_a_server_error_even_to_oversized_repeated_and_malformed_posts(string setup)
    {
        await using var portal = setup == "behind-proxy" ? BehindProxyPortal() : PlainHttpPortal();
        var client = portal.NewClient();
        if (setup == "behind-proxy")
        {
            Forward(client, VisitorIp);
        }

        var failures = new List<string>();
        foreach (var path in PagePaths(portal))
        {
            var page = await client.GetAsync(path);
            var html = await page.Content.ReadAsStringAsync();
            Check(failures, "GET", path, page);
            if (path.StartsWith("/api", StringComparison.Ordinal))
            {
                continue;
            }

            var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
            var posts = new Dictionary<string, HttpContent>
            {
                ["malformed"] = new StringContent("%%%&&&==%zz&=&&_handler", Encoding.UTF8, "application/x-www-form-urlencoded"),
                ["repeated"] = new StringContent(
                    $"__RequestVerificationToken={Uri.EscapeDataString(token)}&__RequestVerificationToken=x&_handler=login&_handler=hardware-report&Input.Email=a@example.org&Input.Email=b&Model.Text=x&Model.Text=y&Model.Step=check&Model.Step=save",
                    Encoding.UTF8, "application/x-www-form-urlencoded"),
                ["oversized"] = new StringContent(
                    $"__RequestVerificationToken={Uri.EscapeDataString(token)}&_handler=hardware-report&Model.Text=" + new string('a', 5 * 1024 * 1024),
                    Encoding.UTF8, "application/x-www-form-urlencoded"),
                ["wrong-type"] = new StringContent("{\"Input.Email\": 1}", Encoding.UTF8, "application/json"),
                ["multipart"] = new MultipartFormDataContent("not-closed") { { new StringContent(new string('b', 300_000)), "Model.Text" } },
            };
            foreach (var (kind, content) in posts)
            {
                Check(failures, $"POST ({kind})", path, await client.PostAsync(path, content));
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static void Check(List<string> failures, string what, string path, HttpResponseMessage response)
    {
        if ((int)response.StatusCode >= 500)
        {
            failures.Add($"{what} {path}: {(int)response.StatusCode}");
        }
    }

    /// <summary>Every GET route of the app, with "colab" (or 1) for its parameters.</summary>
    private static IEnumerable<string> PagePaths(PortalHost portal) =>
        portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods.Contains("GET") != false)
            .Select(e => e.RoutePattern)
            .Where(p => p.Parameters.All(parameter => !parameter.IsCatchAll))
            .Select(p => "/" + string.Join("/", p.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter =>
                    parameter.ParameterPolicies.Any(policy => policy.Content is "int" or "long") ? "1" : "colab",
                _ => "",
            })))))
            .Where(path => !path.StartsWith("/_", StringComparison.Ordinal) && !path.Contains('.', StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal);

    /// <summary>Production behind a proxy at 203.0.113.7, trusted through "ReverseProxy:TrustedProxies" = 203.0.113.0/24.</summary>
    private static PortalHost BehindProxyPortal() => PortalHost.For(PortalHostOptions.Production.WithSettings(new Dictionary<string, string>
    {
        ["ReverseProxy:TrustedProxies:0"] = "203.0.113.0/24",
        ["RateLimits:Api:PermitPerMinute"] = "2",
    }) with
    {
        BaseAddress = new Uri("http://portal-upstream"),
    });

    /// <summary>Production reached over plain HTTP, with no trusted proxy but loopback.</summary>
    private static PortalHost PlainHttpPortal(IReadOnlyDictionary<string, string>? settings = null) => PortalHost.For(PortalHostOptions.Production
        .WithSettings(settings ?? new Dictionary<string, string>())
        .WithSettings(new Dictionary<string, string> { ["RateLimits:Api:PermitPerMinute"] = "2" }) with
    {
        BaseAddress = new Uri("http://portal.example"),
    });

    /// <summary>The headers nginx sends: the visitor's address, HTTPS and the public host.</summary>
    private static void Forward(HttpClient client, string visitorIp)
    {
        client.DefaultRequestHeaders.Add("X-Forwarded-For", visitorIp);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", "portal.example");
    }
}
