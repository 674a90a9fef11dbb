namespace FreeGpuPortal.HardwareReports;

/// <summary>Values read from lscpu; CoresPerSocket is only reported in messages (it is not part of the public shape).</summary>
internal sealed record LscpuValues(string? Model, int? LogicalCpus, int? ThreadsPerCore, int? CoresPerSocket, int? Sockets)
{
    /// <summary>Whether anything of the public shape was found (cores per socket alone does not make a CPU).</summary>
    public bool Any => Model is not null || LogicalCpus is not null || ThreadsPerCore is not null || Sockets is not null;
}
