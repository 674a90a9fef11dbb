namespace FreeGpuPortal.HardwareReports;

/// <summary>Recognises what nvidia-smi (or the shell) prints when no GPU can be queried, and says what it means.</summary>
internal static class NvidiaSmiErrorScanner
{
    private sealed record KnownError(string[] Phrases, string Meaning);

    internal const string NotInstalled =
        "nvidia-smi is not installed in this session, which means it is a CPU-only runtime with no NVIDIA GPU attached. "
        + "Select a GPU runtime (accelerator) and run it again.";

    internal const string NoDriver =
        "No NVIDIA driver answered in this session — was a GPU runtime selected? "
        + "(nvidia-smi could not communicate with the NVIDIA driver: no GPU is attached or the driver is not loaded.)";

    internal const string NoLibrary =
        "nvidia-smi could not load libnvidia-ml.so: the NVIDIA driver is not installed or not loaded here "
        + "(typical of a CPU-only machine or a container started without GPU access).";

    internal const string VersionMismatch =
        "NVML driver/library version mismatch: the running kernel driver and the installed NVIDIA libraries differ, "
        + "usually after a driver update. A reboot or a fresh session fixes it; no GPU details could be read.";

    internal const string NoDevices = "nvidia-smi ran but found no NVIDIA GPU in this session.";

    internal const string NvmlFailed =
        "nvidia-smi could not initialise NVML, so no GPU details could be read "
        + "(often a container that has lost access to the GPU devices, or missing permissions).";

    // Order matters: the first entry whose phrase occurs wins, so specific NVML failures come before the generic one.
    private static readonly KnownError[] s_errors =
    [
        new(
            [
                "nvidia-smi: command not found",
                "nvidia-smi: not found",
                "nvidia-smi: No such file or directory",
                "'nvidia-smi' is not recognized",
                "\"nvidia-smi\": executable file not found",
                "nvidia-smi : The term 'nvidia-smi' is not recognized",
            ],
            NotInstalled),
        new(["couldn't communicate with the NVIDIA driver", "could not communicate with the NVIDIA driver"], NoDriver),
        new(["couldn't find libnvidia-ml.so", "libnvidia-ml.so.1: cannot open shared object file"], NoLibrary),
        new(["Driver/library version mismatch"], VersionMismatch),
        new(["No devices were found"], NoDevices),
        new(["Failed to initialize NVML"], NvmlFailed),
    ];

    /// <summary>Meanings of the error outputs present in the paste, each at most once, in a fixed order.</summary>
    public static List<string> Scan(string s)
    {
        List<string> meanings = [];
        foreach (KnownError error in s_errors)
        {
            foreach (string phrase in error.Phrases)
            {
                if (s.Contains(phrase, StringComparison.OrdinalIgnoreCase))
                {
                    // A version mismatch is also a failure to initialise NVML; say only the precise thing.
                    if (error.Meaning != NvmlFailed || (!meanings.Contains(VersionMismatch)))
                    {
                        meanings.Add(error.Meaning);
                    }

                    break;
                }
            }
        }

        return meanings;
    }
}
