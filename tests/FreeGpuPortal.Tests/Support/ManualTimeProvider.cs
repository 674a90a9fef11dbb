namespace FreeGpuPortal.Tests.Support;

/// <summary>A clock that stands still until a test moves it.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    /// <summary>A fixed instant, so dates in tests do not depend on when they run.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 5, 4, 9, 30, 0, TimeSpan.Zero);

    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void Set(DateTimeOffset now) => _now = now;
}
