namespace FreeGpuPortal.Web.Operations;

/// <summary>
/// Tries the file system the database lives on: writes and deletes a small file next to it (never the database
/// itself: another descriptor on it would drop SQLite's locks). SQLite reports a read-only remount or a full disk
/// during a write as a plain I/O error; the operating system's answer here says which it is.
/// </summary>
public static class StorageProbe
{
    private const int ProbeBytes = 64 * 1024;

    // errno values .NET carries in IOException.HResult on Linux for these failures.
    private const int NoSpace = 28;
    private const int FileTooLarge = 27;
    private const int ReadOnlyFileSystem = 30;

    /// <summary>Null when a file can be written in <paramref name="directory"/>; otherwise what stops it.</summary>
    public static (StorageProblem Problem, string Reason)? Probe(string directory)
    {
        var probe = Path.Combine(directory, $".storage-probe-{Guid.NewGuid():N}");
        try
        {
            using (var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
            {
                stream.Write(new byte[ProbeBytes]);
            }

            return null;
        }
        catch (UnauthorizedAccessException exception)
        {
            return (StorageProblem.ReadOnly, exception.Message);
        }
        catch (IOException exception)
        {
            var problem = exception.HResult switch
            {
                NoSpace or FileTooLarge => StorageProblem.Full,
                ReadOnlyFileSystem => StorageProblem.ReadOnly,
                _ => StorageProblem.Unavailable,
            };
            return (problem, exception.Message);
        }
        finally
        {
            try
            {
                File.Delete(probe);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Never created, or the directory is read-only: the probe said so.
            }
        }
    }

    /// <summary>A more precise problem than SQLite's "I/O error", when the database's directory tells one.</summary>
    public static StorageProblem Refine(StorageProblem problem, string? databaseFile)
    {
        if (problem != StorageProblem.Unavailable || string.IsNullOrEmpty(databaseFile) || !File.Exists(databaseFile))
        {
            return problem;
        }

        return Probe(Path.GetDirectoryName(Path.GetFullPath(databaseFile))!) is { } found ? found.Problem : problem;
    }
}
