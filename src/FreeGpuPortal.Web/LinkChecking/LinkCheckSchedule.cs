using System.Globalization;

namespace FreeGpuPortal.Web.LinkChecking;

/// <summary>
/// When the link checker runs, from "LinkCheck:Schedule": <c>off</c> (never), a UTC time of day <c>HH:mm</c> (daily at
/// that time), or <c>every</c> followed by a .NET time span (<c>every 06:00:00</c>, <c>every 1.00:00:00</c>; the first
/// run one span after start-up). Unset means daily at <see cref="DefaultTimeOfDay"/>, except in Development, where it
/// means off.
/// </summary>
public sealed class LinkCheckSchedule
{
    public const string DefaultTimeOfDay = "03:30";

    /// <summary>Runs closer together than this would be impolite to the sites checked.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMinutes(1);

    private readonly TimeOnly? _dailyAt;
    private readonly TimeSpan? _every;

    private LinkCheckSchedule(TimeOnly? dailyAt, TimeSpan? every)
    {
        _dailyAt = dailyAt;
        _every = every;
    }

    public static LinkCheckSchedule Off { get; } = new(null, null);

    public bool IsOff => _dailyAt is null && _every is null;

    public static LinkCheckSchedule Parse(string? value, bool isDevelopment)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return isDevelopment ? Off : Parse(DefaultTimeOfDay, isDevelopment);
        }

        if (text.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return Off;
        }

        if (text.StartsWith("every ", StringComparison.OrdinalIgnoreCase)
            && TimeSpan.TryParse(text["every ".Length..].Trim(), CultureInfo.InvariantCulture, out var interval))
        {
            return interval >= MinimumInterval
                ? new LinkCheckSchedule(null, interval)
                : throw new FormatException($"LinkCheck:Schedule \"{value}\": the interval must be at least {MinimumInterval}.");
        }

        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return new LinkCheckSchedule(time, null);
        }

        throw new FormatException(
            $"LinkCheck:Schedule \"{value}\" is not understood: use \"off\", a UTC time of day such as \"03:30\", or \"every 06:00:00\".");
    }

    /// <summary>The next run after <paramref name="now"/>; null when off.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset now)
    {
        if (_every is { } every)
        {
            return now + every;
        }

        if (_dailyAt is not { } at)
        {
            return null;
        }

        var utc = now.ToUniversalTime();
        var today = new DateTimeOffset(DateOnly.FromDateTime(utc.UtcDateTime).ToDateTime(at), TimeSpan.Zero);
        return today > utc ? today : today.AddDays(1);
    }

    public override string ToString() =>
        _every is { } every ? $"every {every}" : _dailyAt is { } at ? $"daily at {at:HH:mm} UTC" : "off";
}
