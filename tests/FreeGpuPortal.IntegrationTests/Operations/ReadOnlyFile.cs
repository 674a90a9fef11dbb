using System.Diagnostics;

namespace FreeGpuPortal.IntegrationTests.Operations;

/// <summary>
/// Turns a file read-only for real: mode 0444, and for root (who ignores modes, as CI runs) the immutable attribute.
/// Descriptors opened before keep their rights, as the kernel has it, so SQLite's idle pooled connections are
/// closed: the app's next connection opens the file as it now is.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public static class ReadOnlyFile
{
    public static void Set(string path, bool readOnly)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var isRoot = Environment.UserName == "root";
        if (readOnly)
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            if (isRoot)
            {
                Run("chattr", "+i", path);
            }
        }
        else
        {
            if (isRoot)
            {
                Run("chattr", "-i", path);
            }

            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
    }

    private static void Run(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}");
    }
}
