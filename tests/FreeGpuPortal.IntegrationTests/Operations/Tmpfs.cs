using System.Diagnostics;

namespace FreeGpuPortal.IntegrationTests.Operations;

/// <summary>
/// A small tmpfs of its own (the tests run as root, as CI does): a real file system that fills up under the app.
/// Unmounted on dispose.
/// </summary>
public sealed class Tmpfs : IDisposable
{
    private Tmpfs(string path) => Path = path;

    public string Path { get; }

    public static Tmpfs Mount(int megabytes)
    {
        var path = OperationsPortal.NewDirectory("tmpfs");
        Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m,mode=0777", "tmpfs", path);
        return new Tmpfs(path);
    }

    /// <summary>Writes zeros to a file until the file system has no room left; returns the file.</summary>
    public string Fill()
    {
        var filler = System.IO.Path.Combine(Path, "filler");
        var block = new byte[4096];
        try
        {
            using var stream = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough);
            for (var i = 0; i < 1_000_000; i++)
            {
                stream.Write(block);
            }
        }
        catch (IOException)
        {
            // No space left on device: full, as wanted.
        }

        return filler;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Run("umount", "-l", Path);
        Directory.Delete(Path, recursive: true);
    }

    private static void Run(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
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
