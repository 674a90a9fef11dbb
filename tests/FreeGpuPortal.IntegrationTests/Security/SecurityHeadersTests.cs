using System.Net;

using FreeGpuPortal.Web.Hosting;

namespace FreeGpuPortal.IntegrationTests.Security;

public sealed class SecurityHeadersTests(ObservedPortal portal) : IClassFixture<ObservedPortal>
{
    public static TheoryData<string> Paths => new()
    {
        "/",
        "/platforms/colab",
        "/api",
        "/api/v1/platforms",
        "/healthz",
        "/theme.css",
        "/Account/Login",
        "/admin",          // redirect
        "/no-such-page",   // status-code page
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var client = portal.NewClient();

        // Twice: the second answer of a public page comes from the output cache.
        for (var i = 0; i < 2; i++)
        {
            var response = await client.GetAsync(path);
            AssertSecurityHeaders(response);
        }
    }

    [Fact]
    public async Task The_policy_allows_no_inline_script_no_eval_and_no_framing()
    {
        var response = await portal.NewClient().GetAsync("/");
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d);

        Assert.Equal("script-src 'self'", directives["script-src"]);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
        Assert.Equal("object-src 'none'", directives["object-src"]);
        Assert.Equal("base-uri 'self'", directives["base-uri"]);
        Assert.Equal("form-action 'self'", directives["form-action"]);
        Assert.Equal("default-src 'self'", directives["default-src"]);
    }

    [Fact]
    public async Task Pages_hold_no_inline_scripts_or_event_handler_attributes()
    {
        var client = portal.NewClient();
        foreach (var path in new[] { "/", "/platforms/colab", "/api", "/Account/Login", "/not-found" })
        {
            var html = await client.GetStringAsync(path);
            var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script(?<attributes>[^>]*)>(?<body>.*?)</script>",
                System.Text.RegularExpressions.RegexOptions.Singleline);
            // A JSON-LD block is data the browser never runs (CSP does not apply to it); every other script is a file.
            var executable = scripts.Where(s => !s.Groups["attributes"].Value.Contains("type=\"application/ld+json\"", StringComparison.Ordinal));
            Assert.All(executable, s =>
            {
                Assert.Contains("src=", s.Groups["attributes"].Value);
                Assert.True(string.IsNullOrWhiteSpace(s.Groups["body"].Value), $"{path}: inline script {s.Value}");
            });
            Assert.DoesNotMatch(@"\son[a-z]+\s*=", System.Text.RegularExpressions.Regex.Replace(html, "<script.*?</script>", "",
                System.Text.RegularExpressions.RegexOptions.Singleline));
        }
    }

    [Fact]
    public async Task Development_sends_no_hsts()
    {
        var response = await portal.NewClient().GetAsync("/");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task The_interactive_admin_pages_get_the_same_single_policy()
    {
        await portal.CreateAdminAsync("headers-admin@example.org");
        var client = await portal.SignedInClientAsync("headers-admin@example.org");

        var response = await client.GetAsync("/admin/admins");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    internal static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var what = $"{response.RequestMessage?.RequestUri} ({(int)response.StatusCode})";
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var policies), what);
        // Exactly one policy: Blazor's own "frame-ancestors 'self'" would otherwise apply as a second one.
        Assert.Equal([SecurityHeadersExtensions.ContentSecurityPolicy], policies);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(["strict-origin-when-cross-origin"], response.Headers.GetValues("Referrer-Policy"));
        Assert.False(response.Headers.Contains("X-Frame-Options"), what);
    }
}

public sealed class ProductionSecurityHeadersTests(ProductionPortal portal) : IClassFixture<ProductionPortal>
{
    [Fact]
    public async Task Outside_development_https_responses_carry_hsts_and_the_other_headers()
    {
        var response = await portal.NewClient().GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
        SecurityHeadersTests.AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task The_public_page_stays_cookie_free_and_cacheable_with_the_headers()
    {
        var client = portal.NewClient();

        var first = await client.GetAsync("/platforms/colab");
        var second = await client.GetAsync("/platforms/colab");

        foreach (var response in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Set-Cookie"));
            Assert.NotEqual(true, response.Headers.CacheControl?.NoStore);
            Assert.StartsWith("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
            SecurityHeadersTests.AssertSecurityHeaders(response);
        }
    }
}
