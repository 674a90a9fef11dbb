using System.Diagnostics;

namespace FreeGpuPortal.BrowserTests.Published;

/// <summary>
/// The output of <c>dotnet publish</c> for the web app: what an operator deploys. The test script publishes once and
/// passes the folder in <c>PORTAL_PUBLISHED_DIR</c>; without it (a test run from an IDE) the first fixture publishes
/// into a temporary folder, once per test process.
/// </summary>
public static class PublishedBuild
{
    private static readonly Lazy<Task<string>> Folder = new(PublishAsync);

    public static Task<string> FolderAsync() => Folder.Value;

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FreeGpuPortal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }

    private static async Task<string> PublishAsync()
    {
        var given = Environment.GetEnvironmentVariable("PORTAL_PUBLISHED_DIR");
        if (!string.IsNullOrEmpty(given))
        {
            if (!File.Exists(Path.Combine(given, "FreeGpuPortal.Web.dll")))
            {
                throw new InvalidOperationException($"PORTAL_PUBLISHED_DIR '{given}' holds no published FreeGpuPortal.Web.dll.");
            }

            return given;
        }

        var output = Path.Combine(Path.GetTempPath(), "freegpuportal-published", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "publish", "src/FreeGpuPortal.Web", "-c", "Release", "-o", output, "--nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed:\n{await stdout}\n{await stderr}");
        }

        return output;
    }
}
