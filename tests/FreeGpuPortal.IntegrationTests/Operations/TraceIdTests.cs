using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

using FreeGpuPortal.IntegrationTests.Security;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

using Serilog.Events;

namespace FreeGpuPortal.IntegrationTests.Operations;

/// <summary>
/// One id from the visitor's error page to the log: the W3C trace id of the request (taken from an incoming
/// <c>traceparent</c>, as a proxy or load balancer sends it) is on the error page and on every log line the request
/// writes, here checked in the compact JSON console format for log shippers.
/// </summary>
public sealed class TraceIdTests
{
    private static readonly string TraceId = ActivityTraceId.CreateRandom().ToHexString();

    private static string TraceParent => $"00-{TraceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01";

    [Fact]
    public async Task The_error_page_shows_the_trace_id_that_the_failures_log_lines_carry()
    {
        await using var portal = new FailingPortal();
        var client = portal.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, FailingPortal.FailingPath);
        request.Headers.Add("traceparent", TraceParent);

        using var response = await client.SendAsync(request);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains($"<code data-trace-id>{TraceId}</code>", page, StringComparison.Ordinal);
        // The exception handler's line and the request's line both carry the exception.
        var failures = portal.Log.Events.Where(e => e.Level == LogEventLevel.Error && e.Exception is InvalidOperationException).ToList();
        Assert.NotEmpty(failures);
        Assert.All(failures, e => Assert.Equal(TraceId, e.TraceId?.ToHexString()));
        Assert.All(
            portal.Log.Events.Where(e => e.Properties.TryGetValue("RequestPath", out var path) && CapturedLog.Scalar(path) == FailingPortal.FailingPath),
            e => Assert.Equal(TraceId, e.TraceId?.ToHexString()));
    }
}

/// <summary>
/// The app in Production with one path that fails: a request no endpoint takes reaches the end of the pipeline, where
/// the test host throws, so the app's own exception handler and error page answer it.
/// </summary>
public sealed class FailingPortal() : SecurityPortal("Production", null, null)
{
    public const string FailingPath = "/trace-test-failure";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new FailAtTheEnd()));
    }

    private sealed class FailAtTheEnd : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((context, nextMiddleware) => context.Request.Path == FailingPath
                ? throw new InvalidOperationException("A failure for the trace id test.")
                : nextMiddleware(context));
        };
    }
}
