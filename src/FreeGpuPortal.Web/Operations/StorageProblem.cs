namespace FreeGpuPortal.Web.Operations;

/// <summary>Why the database could not take a write: a fault of the storage, not of the request.</summary>
public enum StorageProblem
{
    /// <summary>The database file or its file system turned read-only.</summary>
    ReadOnly,

    /// <summary>Another writer held the database past the busy timeout.</summary>
    Busy,

    /// <summary>The disk (or the file-size limit) is full.</summary>
    Full,

    /// <summary>Any other I/O failure of the database file.</summary>
    Unavailable,
}
