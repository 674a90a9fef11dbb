namespace FreeGpuPortal.Soak;

/// <summary>
/// Every finished request (kind, when it finished, how long it took, status) for the whole run; the sampler reads the figures of an
/// interval, the summary those of the whole run. A 30-minute run at 40 requests/s keeps about 72,000 entries.
/// </summary>
public sealed class LatencyRecorder
{
    private readonly List<Sample> _samples = [];
    private readonly Lock _lock = new();
    private int _serverErrors;
    private int _clientErrors;
    private int _failures;

    public readonly record struct Sample(RequestKind Kind, double AtSeconds, double Milliseconds);

    public int ServerErrors => Volatile.Read(ref _serverErrors);

    public int ClientErrors => Volatile.Read(ref _clientErrors);

    /// <summary>Requests that got no answer at all (refused connection, reset, timeout).</summary>
    public int Failures => Volatile.Read(ref _failures);

    public void Record(RequestKind kind, double atSeconds, double milliseconds, int status)
    {
        if (status >= 500)
        {
            Interlocked.Increment(ref _serverErrors);
        }
        else if (status >= 400)
        {
            Interlocked.Increment(ref _clientErrors);
        }

        lock (_lock)
        {
            _samples.Add(new Sample(kind, atSeconds, milliseconds));
        }
    }

    public void RecordFailure() => Interlocked.Increment(ref _failures);

    public List<double> Between(RequestKind kind, double fromSeconds, double toSeconds)
    {
        lock (_lock)
        {
            return [.. _samples.Where(s => s.Kind == kind && s.AtSeconds >= fromSeconds && s.AtSeconds < toSeconds).Select(s => s.Milliseconds)];
        }
    }

    /// <summary>The nearest-rank percentile (0–100) of <paramref name="values"/>; NaN when there are none.</summary>
    public static double Percentile(List<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        values.Sort();
        var rank = (int)Math.Ceiling(percentile / 100 * values.Count);
        return values[Math.Clamp(rank - 1, 0, values.Count - 1)];
    }
}
