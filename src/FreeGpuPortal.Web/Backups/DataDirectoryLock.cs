namespace FreeGpuPortal.Web.Backups;

/// <summary>
/// An exclusive lock on "portal.lock" in the data directory, held while the portal serves, so that a restore can
/// tell the portal is running on the same directory and refuse. The operating system drops it when the process
/// ends, however it ends.
/// </summary>
public sealed class DataDirectoryLock : IDisposable
{
    public const string FileName = "portal.lock";

    private readonly FileStream _stream;

    private DataDirectoryLock(FileStream stream) => _stream = stream;

    /// <summary>The lock, or null when another process holds it.</summary>
    public static DataDirectoryLock? TryAcquire(string dataDirectory)
    {
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock) on Unix and a sharing lock on Windows.
            return new DataDirectoryLock(new FileStream(
                Path.Combine(dataDirectory, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
