using System.Collections.Concurrent;
using System.Diagnostics;

namespace FreeGpuPortal.BrowserTests.Cluster;

/// <summary>
/// A bounded public read load: a few concurrent clients, each with its own connections, asking in turn for the given
/// paths until a time or count limit. A read fails when it answers other than 2xx or throws (refused, reset, timeout).
/// </summary>
public static class ReadLoad
{
    public static async Task<ReadLoadResult> RunAsync(
        Func<HttpClient> newClient, IReadOnlyList<string> paths, int clients, TimeSpan duration, int maxReadsPerClient)
    {
        var total = 0;
        var failed = 0;
        var samples = new ConcurrentQueue<string>();
        var slowestTicks = 0L;
        var clock = Stopwatch.StartNew();

        async Task ClientAsync(int index)
        {
            using var client = newClient();
            for (var i = 0; i < maxReadsPerClient && clock.Elapsed < duration; i++)
            {
                var path = paths[(i + index) % paths.Count];
                string? failure = null;
                var started = clock.Elapsed;
                try
                {
                    using var response = await client.GetAsync(path);
                    await response.Content.ReadAsByteArrayAsync();
                    if (!response.IsSuccessStatusCode)
                    {
                        failure = $"{clock.Elapsed.TotalSeconds:F2}s {path}: {(int)response.StatusCode}";
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
                {
                    failure = $"{clock.Elapsed.TotalSeconds:F2}s {path}: {exception.GetType().Name} {exception.Message}";
                }

                var took = (clock.Elapsed - started).Ticks;
                long seen;
                while (took > (seen = Interlocked.Read(ref slowestTicks)) && Interlocked.CompareExchange(ref slowestTicks, took, seen) != seen)
                {
                }

                Interlocked.Increment(ref total);
                if (failure is not null)
                {
                    Interlocked.Increment(ref failed);
                    if (samples.Count < 20)
                    {
                        samples.Enqueue(failure);
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(() => ClientAsync(i))));
        return new ReadLoadResult(total, failed, [.. samples], clock.Elapsed, TimeSpan.FromTicks(slowestTicks));
    }
}
