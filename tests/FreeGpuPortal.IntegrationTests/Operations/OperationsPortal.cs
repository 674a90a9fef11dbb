using FreeGpuPortal.IntegrationTests.Security;

namespace FreeGpuPortal.IntegrationTests.Operations;

/// <summary>
/// The app as <see cref="SecurityPortal"/> (captured log, admins through the real command), on a data directory and
/// settings the test chooses, e.g. a database file on a file system the test can make read-only or full.
/// </summary>
public sealed class OperationsPortal(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null)
    : SecurityPortal("Development", dataDirectory, settings)
{
    public static string NewDirectory(string purpose) =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "freegpuportal-tests", $"{purpose}-{Guid.NewGuid():N}")).FullName;
}
