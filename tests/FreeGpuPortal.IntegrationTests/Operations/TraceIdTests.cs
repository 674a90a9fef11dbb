using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

using Serilog.Events;

namespace FreeGpuPortal.IntegrationTests.Operations;

/// <summary>
/// One id from the visitor's error page to the log: the W3C trace id of the request (taken from an incoming
/// <c>traceparent</c>, as a proxy or load balancer sends it) is on the error page and on every log line the request
/// writes; and the console, in its compact JSON format for log shippers, writes one event per line with its trace id.
/// </summary>
public sealed class TraceIdTests
{
    private static readonly string TraceId = ActivityTraceId.CreateRandom().ToHexString();

    private static string TraceParent => $"00-{TraceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01";

    [Fact]
    public async Task The_error_page_shows_the_trace_id_that_the_failures_log_lines_carry()
    {
        await using var portal = FailingPortal.Create();
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

    [Fact]
    public async Task The_json_console_writes_one_compact_json_event_per_line_with_the_trace_id()
    {
        var output = await RunPortalAndRequestAsync(json: true);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.NotEmpty(lines);
        var events = lines.Select(line => ParseLine(line, output)).ToList();
        Assert.All(events, e => Assert.True(e.TryGetProperty("@t", out _) && (e.TryGetProperty("@mt", out _) || e.TryGetProperty("@m", out _))));
        var requestLine = Assert.Single(events, e => e.TryGetProperty("RequestPath", out var path) && path.GetString() == "/" && e.GetProperty("StatusCode").GetInt32() == 200);
        // The line carries its trace and span ids (that they are the incoming traceparent's is checked in process above:
        // a test process's own HTTP client may put its own trace context on a request).
        Assert.Matches("^[0-9a-f]{32}$", requestLine.GetProperty("@tr").GetString());
        Assert.True(requestLine.TryGetProperty("@sp", out _));
    }

    private static JsonElement ParseLine(string line, string output)
    {
        try
        {
            return JsonDocument.Parse(line).RootElement;
        }
        catch (JsonException)
        {
            Assert.Fail($"A console line is not JSON: {line}\nThe whole output:\n{output}");
            throw;
        }
    }

    /// <summary>
    /// The built app as its own process, console only, on a fresh data directory: one request with a traceparent, then
    /// SIGTERM; returns what it wrote to standard output.
    /// </summary>
    private static async Task<string> RunPortalAndRequestAsync(bool json)
    {
        var dataDirectory = OperationsPortal.NewDirectory("trace-console");
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "FreeGpuPortal.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Storage__DataDirectory"] = dataDirectory;
        start.Environment["Serilog__File__Enabled"] = "false";
        start.Environment["Serilog__Console__Json"] = json ? "true" : "false";
        start.Environment["LinkCheck__Schedule"] = "off";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilHealthyAsync(client, process);
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.Add("traceparent", TraceParent);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await process.WaitForExitAsync(timeout.Token);
            PortalHost.DeleteDataDirectory(dataDirectory);
        }

        Assert.True(process.ExitCode == 0, await error);
        return await output;
    }

    private static async Task WaitUntilHealthyAsync(HttpClient client, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(180); // generous: the full test run shares two cores with browsers
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync("/healthz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The portal did not become healthy.");
    }
}

/// <summary>
/// The app in Production (<see cref="PortalHostOptions.Production"/>) with one path that fails: a request no endpoint
/// takes reaches the end of the pipeline, where the test host throws, so the app's own exception handler and error
/// page answer it.
/// </summary>
public static class FailingPortal
{
    public const string FailingPath = "/trace-test-failure";

    public static PortalHost Create() =>
        PortalHost.For(PortalHostOptions.Production.WithServices(services => services.AddSingleton<IStartupFilter>(new FailAtTheEnd())));

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
