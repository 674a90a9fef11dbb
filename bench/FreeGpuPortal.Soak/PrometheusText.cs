using System.Globalization;

namespace FreeGpuPortal.Soak;

/// <summary>One scrape of a Prometheus text exposition, read just enough to sum a metric over its label sets.</summary>
public sealed class PrometheusText(string text)
{
    /// <summary>The sum of every sample of <paramref name="metric"/> (any labels); NaN when it is not there.</summary>
    public double Sum(string metric)
    {
        var total = 0.0;
        var found = false;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(metric, StringComparison.Ordinal)
                && line.Length > metric.Length && line[metric.Length] is '{' or ' ')
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                total += double.Parse(parts[1], CultureInfo.InvariantCulture);
                found = true;
            }
        }

        return found ? total : double.NaN;
    }
}
