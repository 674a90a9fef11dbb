namespace FreeGpuPortal.IntegrationTests.Operations;

/// <summary>
/// The app as <see cref="PortalHostOptions.Observed"/> (captured log, admins through the real command), on a data
/// directory and settings the test chooses, e.g. a database file on a file system the test can make read-only or full.
/// The directory is the test's: the host leaves it behind.
/// </summary>
public static class OperationsPortal
{
    public static PortalHost Create(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null) =>
        PortalHost.For(PortalHostOptions.Observed.WithSettings(settings ?? new Dictionary<string, string>()) with { DataDirectory = dataDirectory });

    public static string NewDirectory(string purpose) =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "freegpuportal-tests", $"{purpose}-{Guid.NewGuid():N}")).FullName;
}
