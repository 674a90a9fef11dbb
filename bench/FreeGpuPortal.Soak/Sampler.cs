using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace FreeGpuPortal.Soak;

/// <summary>
/// Every interval: p50/p99 per kind, 5xx, the portal's RSS with its anonymous and shared parts (/proc/PID/status), its GC heap after the last collection
/// (the runtime instrumentation at /metrics, summed over generations) and committed memory, the methods the JIT has
/// compiled so far, Blazor's circuits in memory and connected and the machine's 1-minute load average, as a
/// CSV row.
/// </summary>
public sealed class Sampler(PortalServer server, HttpClient client, LatencyRecorder recorder, Stopwatch clock, TimeSpan interval, string csvPath)
{
    public const string Header =
        "elapsed_s,view_n,view_p50_ms,view_p99_ms,json_n,json_p50_ms,json_p99_ms,csv_n,csv_p50_ms,csv_p99_ms,"
        + "parse_n,parse_p50_ms,parse_p99_ms,save_n,save_p50_ms,save_p99_ms,status_5xx,no_answer,rss_mb,rss_anon_mb,rss_shmem_mb,gc_heap_mb,gc_committed_mb,jit_methods,circuits_active,circuits_connected,load1";

    public List<SampleRow> Rows { get; } = [];

    public async Task RunAsync(CancellationToken stop)
    {
        await File.WriteAllTextAsync(csvPath, Header + "\n", CancellationToken.None);
        var previousErrors = 0;
        var previousFailures = 0;
        var from = 0.0;
        using var timer = new PeriodicTimer(interval);
        while (true)
        {
            var last = false;
            try
            {
                await timer.WaitForNextTickAsync(stop);
            }
            catch (OperationCanceledException)
            {
                last = true;
            }

            var to = clock.Elapsed.TotalSeconds;
            if (to - from < 1)
            {
                break;
            }

            var kinds = Enum.GetValues<RequestKind>().ToDictionary(kind => kind, kind =>
            {
                var values = recorder.Between(kind, from, to);
                return new KindFigures(values.Count, LatencyRecorder.Percentile(values, 50), LatencyRecorder.Percentile(values, 99));
            });
            var metrics = await ScrapeAsync();
            var errors = recorder.ServerErrors;
            var failures = recorder.Failures;
            var row = new SampleRow(
                Math.Round(to),
                kinds,
                errors - previousErrors,
                failures - previousFailures,
                server.ResidentBytes() / 1048576.0,
                server.ResidentBytes("RssAnon") / 1048576.0,
                server.ResidentBytes("RssShmem") / 1048576.0,
                metrics.Sum("dotnet_gc_last_collection_heap_size_bytes") / 1048576.0,
                metrics.Sum("dotnet_gc_last_collection_memory_committed_size_bytes") / 1048576.0,
                metrics.Sum("dotnet_jit_compiled_methods_total"),
                metrics.Sum("aspnetcore_components_circuit_active"),
                metrics.Sum("aspnetcore_components_circuit_connected"),
                LoadAverage());
            previousErrors = errors;
            previousFailures = failures;
            from = to;
            Rows.Add(row);
            var line = Format(row);
            Console.WriteLine(line);
            await File.AppendAllTextAsync(csvPath, line + "\n", CancellationToken.None);
            if (last)
            {
                break;
            }
        }
    }

    private static string Format(SampleRow row)
    {
        var text = new StringBuilder(row.ElapsedSeconds.ToString("0", CultureInfo.InvariantCulture));
        foreach (var kind in Enum.GetValues<RequestKind>())
        {
            var figures = row.Kinds[kind];
            text.Append(CultureInfo.InvariantCulture, $",{figures.Count},{Ms(figures.P50)},{Ms(figures.P99)}");
        }

        text.Append(CultureInfo.InvariantCulture, $",{row.ServerErrors},{row.Failures},{row.ResidentMegabytes:0.0},{row.AnonymousMegabytes:0.0},{row.SharedMegabytes:0.0},{row.GcHeapMegabytes:0.0},{row.GcCommittedMegabytes:0.0},{row.JitCompiledMethods:0},{row.ActiveCircuits:0},{row.ConnectedCircuits:0},{row.LoadAverage:0.00}");
        return text.ToString();
    }

    private static string Ms(double value) => double.IsNaN(value) ? "" : value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>The portal's Prometheus text at /metrics; empty (every sum NaN) when it does not answer.</summary>
    private async Task<PrometheusText> ScrapeAsync()
    {
        try
        {
            return new PrometheusText(await client.GetStringAsync("/metrics"));
        }
        catch (HttpRequestException)
        {
            return new PrometheusText("");
        }
    }

    private static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
}
