using System.Globalization;

namespace FreeGpuPortal.Soak;

/// <summary>What one soak run does: every load is bounded by <see cref="Duration"/> and the request rate.</summary>
public sealed record SoakOptions(
    string PublishedFolder,
    string FixturesFolder,
    string OutputFolder,
    TimeSpan Duration,
    int RequestsPerSecond,
    int MaxConcurrency,
    TimeSpan SaveInterval,
    TimeSpan SampleInterval)
{
    /// <summary>The longest run the tool accepts: a soak is long, but never unbounded.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(4);

    public static SoakOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected an option, got '{args[i]}'.");
            }

            values[args[i][2..]] = args[i + 1];
        }

        string Required(string name) => values.TryGetValue(name, out var value)
            ? value
            : throw new ArgumentException($"--{name} is required.");
        int Number(string name, int fallback) => values.TryGetValue(name, out var value)
            ? int.Parse(value, CultureInfo.InvariantCulture)
            : fallback;

        var duration = ParseDuration(Required("duration"));
        if (duration <= TimeSpan.Zero || duration > MaxDuration)
        {
            throw new ArgumentException($"--duration must be between 1s and {MaxDuration.TotalHours} h.");
        }

        return new SoakOptions(
            Required("published"),
            Required("fixtures"),
            Required("output"),
            duration,
            Math.Clamp(Number("rate", 40), 1, 500),
            Math.Clamp(Number("concurrency", 16), 1, 64),
            TimeSpan.FromSeconds(Math.Clamp(Number("save-every", 5), 1, 600)),
            TimeSpan.FromSeconds(Math.Clamp(Number("sample-every", 10), 1, 600)));
    }

    /// <summary>"90s", "3m", "1h" or a number of seconds.</summary>
    public static TimeSpan ParseDuration(string text)
    {
        var unit = text[^1];
        var number = char.IsDigit(unit) ? text : text[..^1];
        var amount = double.Parse(number, CultureInfo.InvariantCulture);
        return unit switch
        {
            'h' => TimeSpan.FromHours(amount),
            'm' => TimeSpan.FromMinutes(amount),
            's' => TimeSpan.FromSeconds(amount),
            _ when char.IsDigit(unit) => TimeSpan.FromSeconds(amount),
            _ => throw new ArgumentException($"'{text}' is not a duration (90s, 3m, 1h)."),
        };
    }
}
