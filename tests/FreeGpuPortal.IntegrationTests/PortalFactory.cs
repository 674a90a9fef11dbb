namespace FreeGpuPortal.IntegrationTests;

/// <summary>
/// The real app in a fresh data directory of its own, on the test run's database (a real SQLite file, or a fresh
/// PostgreSQL database), migrated and seeded at start-up exactly as in production: <see cref="PortalHost"/> with its
/// defaults, under the name the integration tests use. Derive from it (or from PortalHost) for other settings.
/// </summary>
public class PortalFactory : PortalHost
{
    public PortalFactory()
    {
    }

    protected PortalFactory(PortalHostOptions options)
        : base(options)
    {
    }
}

public static class Html
{
    /// <summary>The slugs of the comparison table's rows, in page order.</summary>
    public static IReadOnlyList<string> PlatformRows(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "<tr data-platform=\"([^\"]+)\"").Select(m => m.Groups[1].Value)];
}
