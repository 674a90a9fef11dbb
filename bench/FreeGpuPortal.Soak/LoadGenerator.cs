using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace FreeGpuPortal.Soak;

/// <summary>
/// The anonymous part of the mix at a steady rate (open loop: a slow answer does not slow the arrivals down), with at
/// most <c>maxConcurrency</c> requests in flight: 60 % public views, 15 % JSON, 10 % CSV, 15 % report parses. Query
/// strings use the comparison page's real parameters, so views and API lists mix output-cache hits and misses.
/// </summary>
public sealed class LoadGenerator(HttpClient client, LatencyRecorder recorder, Stopwatch clock, IReadOnlyList<string> slugs, IReadOnlyList<string> pastes)
{
    private static readonly string[] Words = ["", "", "", "t4", "a100", "p100", "gpu", "notebook"];
    private static readonly string[] Memory = ["", "", "8", "12", "15", "16", "24", "40"];
    private static readonly string[] Sessions = ["", "", "4", "9", "12"];
    private static readonly string[] Idle = ["", "", "20", "40", "90"];
    private static readonly string[] Weekly = ["", "", "10", "30"];
    private static readonly string[] Features = ["", "", "", "private-notebooks", "background-execution", "tpu", "dataset-integration", "private-notebooks,notebook-versioning"];
    private static readonly string[] Sorts = ["", "name", "-gpuMemoryGb", "gpuMemoryGb", "-sessionHours", "idleMinutes", "-weeklyGpuHours", "ramGb", "-lastVerified"];

    public async Task RunAsync(int requestsPerSecond, int maxConcurrency, CancellationToken stop)
    {
        using var slots = new SemaphoreSlim(maxConcurrency);
        var random = new Random(11);
        var started = 0L;
        var begin = clock.Elapsed;
        var inFlight = new List<Task>();
        while (!stop.IsCancellationRequested)
        {
            var due = (long)((clock.Elapsed - begin).TotalSeconds * requestsPerSecond);
            while (started < due && !stop.IsCancellationRequested)
            {
                await slots.WaitAsync(CancellationToken.None);
                started++;
                var roll = random.Next(100);
                var seed = random.Next();
                inFlight.Add(Task.Run(async () =>
                {
                    try
                    {
                        await OneAsync(roll, new Random(seed));
                    }
                    finally
                    {
                        slots.Release();
                    }
                }, CancellationToken.None));
            }

            inFlight.RemoveAll(task => task.IsCompleted);
            try
            {
                await Task.Delay(5, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAll(inFlight);
    }

    private Task OneAsync(int roll, Random random) => roll switch
    {
        < 60 => SendAsync(RequestKind.View, new HttpRequestMessage(HttpMethod.Get, ViewPath(random))),
        < 75 => SendAsync(RequestKind.ApiJson, new HttpRequestMessage(HttpMethod.Get, ApiPath(random))),
        < 85 => SendAsync(RequestKind.ApiCsv, new HttpRequestMessage(HttpMethod.Get, "/api/v1/platforms.csv" + Query(random))),
        _ => SendAsync(RequestKind.Parse, ParseRequest(random)),
    };

    private async Task SendAsync(RequestKind kind, HttpRequestMessage request)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using (request)
            using (var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead))
            {
                recorder.Record(kind, clock.Elapsed.TotalSeconds, watch.Elapsed.TotalMilliseconds, (int)response.StatusCode);
                if ((int)response.StatusCode >= 400)
                {
                    Console.Error.WriteLine($"{(int)response.StatusCode} {request.Method} {request.RequestUri}");
                }
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            recorder.RecordFailure();
            Console.Error.WriteLine($"no answer: {request.Method} {request.RequestUri}: {exception.Message}");
        }
    }

    private string ViewPath(Random random) => random.Next(10) switch
    {
        < 7 => "/" + Query(random),
        < 9 => "/platforms/" + slugs[random.Next(slugs.Count)],
        _ => $"/compare?p={slugs[random.Next(slugs.Count)]}&p={slugs[random.Next(slugs.Count)]}",
    };

    private string ApiPath(Random random) => random.Next(10) switch
    {
        < 7 => "/api/v1/platforms" + Query(random),
        < 9 => "/api/v1/platforms/" + slugs[random.Next(slugs.Count)],
        _ => "/api/v1/gpu-models",
    };

    private HttpRequestMessage ParseRequest(Random random) => new(HttpMethod.Post, "/api/v1/hardware-reports/parse")
    {
        Content = new StringContent(pastes[random.Next(pastes.Count)], Encoding.UTF8, new MediaTypeHeaderValue("text/plain")),
    };

    /// <summary>A query string of the comparison page's parameters, some set, most not.</summary>
    public static string Query(Random random)
    {
        var parts = new List<string>();
        void Add(string name, string[] values)
        {
            var value = values[random.Next(values.Length)];
            if (value.Length > 0)
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("q", Words);
        Add("minGpuMemoryGb", Memory);
        if (random.Next(4) == 0)
        {
            parts.Add("gpuMemory=possible");
        }

        Add("minSessionHours", Sessions);
        Add("minIdleMinutes", Idle);
        Add("minWeeklyGpuHours", Weekly);
        Add("features", Features);
        Add("sort", Sorts);
        if (random.Next(5) == 0)
        {
            parts.Add("status=all");
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
