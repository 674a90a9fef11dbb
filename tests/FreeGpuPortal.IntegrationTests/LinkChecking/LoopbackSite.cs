using System.Collections.Concurrent;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FreeGpuPortal.IntegrationTests.LinkChecking;

/// <summary>
/// A tiny site on 127.0.0.1 (a port of its own) standing in for the sites the catalog cites: a page that works, one
/// that moved, two that are gone, one that answers too slowly, one that answers only when the test lets it, one that
/// refuses HEAD, and a redirect loop. It records every request, and the most it ever served at once.
/// </summary>
public sealed class LoopbackSite : IAsyncLifetime
{
    private WebApplication? _app;
    private int _inFlight;
    private int _maxInFlight;
    private TaskCompletionSource _heldPage = NewHold();

    public ConcurrentQueue<(string Method, string Path, string UserAgent)> Requests { get; } = new();

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public string BaseUrl { get; private set; } = "";

    public string Url(string path) => BaseUrl + path;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            Requests.Enqueue((context.Request.Method, context.Request.Path.Value ?? "", context.Request.Headers.UserAgent.ToString()));
            var now = Interlocked.Increment(ref _inFlight);
            int seen;
            while ((seen = Volatile.Read(ref _maxInFlight)) < now && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
            {
            }

            try
            {
                // Long enough that requests of a run overlap, so the concurrency limit shows.
                await Task.Delay(50, context.RequestAborted);
                await next(context);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        });
        _app.MapMethods("/ok", ["GET", "HEAD"], () => Results.Text("fine"));
        _app.MapMethods("/moved", ["GET", "HEAD"], () => Results.Redirect("/new-home", permanent: true));
        _app.MapMethods("/new-home", ["GET", "HEAD"], () => Results.Text("moved here"));
        _app.MapMethods("/temporary", ["GET", "HEAD"], () => Results.Redirect("/ok", permanent: false));
        _app.MapMethods("/gone-404", ["GET", "HEAD"], () => Results.NotFound());
        _app.MapMethods("/gone-410", ["GET", "HEAD"], () => Results.StatusCode(StatusCodes.Status410Gone));
        _app.MapMethods("/slow", ["GET", "HEAD"], async (HttpContext context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            return Results.Text("too late");
        });
        _app.MapMethods("/held", ["GET", "HEAD"], async (HttpContext context) =>
        {
            await Volatile.Read(ref _heldPage).Task.WaitAsync(context.RequestAborted);
            return Results.Text("let through");
        });
        _app.MapMethods("/no-head", ["HEAD"], () => Results.StatusCode(StatusCodes.Status405MethodNotAllowed));
        _app.MapGet("/no-head", () => Results.Text("GET works"));
        _app.MapMethods("/loop/{n:int}", ["GET", "HEAD"], (int n) => Results.Redirect($"/loop/{n + 1}"));
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        Assert.StartsWith("http://127.0.0.1:", BaseUrl, StringComparison.Ordinal);
    }

    /// <summary>Lets every request for /held, now and until the next <see cref="Reset"/>, have its answer.</summary>
    public void ReleaseHeldPage() => Volatile.Read(ref _heldPage).TrySetResult();

    /// <summary>Forgets the requests and holds /held again, for the next test.</summary>
    public void Reset()
    {
        Requests.Clear();
        Volatile.Write(ref _maxInFlight, 0);
        ReleaseHeldPage();
        Volatile.Write(ref _heldPage, NewHold());
    }

    private static TaskCompletionSource NewHold() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task DisposeAsync()
    {
        ReleaseHeldPage();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
