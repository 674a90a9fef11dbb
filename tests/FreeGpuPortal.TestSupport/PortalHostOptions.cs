using FreeGpuPortal.Web.Data;

namespace FreeGpuPortal.Testing;

/// <summary>How a <see cref="PortalHost"/> runs the app.</summary>
public sealed record PortalHostOptions
{
    /// <summary>ASPNETCORE_ENVIRONMENT: Development by default; Production for the shape operators run.</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>An existing data directory (and its database) to run on, kept afterwards; null for a fresh one.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The database engine; null for the test run's (PORTAL_TEST_DATABASE).</summary>
    public DatabaseProvider? Provider { get; init; }

    /// <summary>Configuration keys and values, applied after the defaults.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>The clients' base address; null for the test server's default (http://localhost).</summary>
    public Uri? BaseAddress { get; init; }
}
