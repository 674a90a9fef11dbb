namespace FreeGpuPortal.HardwareReports;

/// <summary>
/// The 79-column nvidia-smi table (drivers before 530) has room for 18 characters of GPU name and prints longer names
/// as "Tesla P100-PCIE...". A cut name is completed only when it is unambiguous: the candidates are the full names of a
/// few model families known here completely, longer than what was printed, starting with the printed part, and whose
/// size suffix ("-16GB") agrees with the memory nvidia-smi reported. Exactly one must remain; otherwise the printed
/// text is kept. Families not listed are never completed, so an incomplete list cannot produce a wrong name.
/// </summary>
internal static class TruncatedGpuNames
{
    private static readonly string[] s_fullNames =
    [
        "Tesla P100-PCIE-12GB", "Tesla P100-PCIE-16GB", "Tesla P100-SXM2-16GB",
        "Tesla V100-SXM2-16GB", "Tesla V100-SXM2-32GB", "Tesla V100-SXM2-32GB-LS", "Tesla V100-SXM3-32GB",
        "Tesla V100-PCIE-16GB", "Tesla V100-PCIE-32GB", "Tesla V100S-PCIE-32GB", "Tesla V100-DGXS-16GB",
        "Tesla V100-DGXS-32GB", "Tesla V100-FHHL-16GB",
        "NVIDIA A100-SXM4-40GB", "NVIDIA A100-SXM4-80GB", "NVIDIA A100-SXM-80GB", "NVIDIA A100-PCIE-40GB",
        "NVIDIA A100 80GB PCIe",
        "NVIDIA H100 80GB HBM3", "NVIDIA H100 80GB HBM2e", "NVIDIA H100 PCIe", "NVIDIA H100 NVL",
        "GeForce GTX 1060 3GB", "GeForce GTX 1060 5GB", "GeForce GTX 1060 6GB", "GeForce GTX 1060 with Max-Q Design",
        "GeForce GTX 1070 Ti", "GeForce GTX 1070 with Max-Q Design",
        "GeForce GTX 1080 Ti", "GeForce GTX 1080 with Max-Q Design",
    ];

    public static bool IsTruncated(string name) => name.EndsWith("...", StringComparison.Ordinal) || name.EndsWith('\u2026');

    public static string PrintedPrefix(string name) =>
        name.EndsWith("...", StringComparison.Ordinal) ? name[..^3] : name.EndsWith('\u2026') ? name[..^1] : name;

    /// <summary>The single full name that fits, or null.</summary>
    public static string? Complete(string printed, int? memoryMiB)
    {
        string prefix = PrintedPrefix(printed);

        // Without the model number the family is unknown ("NVIDIA GeForce ..."): never guess.
        if (prefix.Length < 8 || prefix.AsSpan().IndexOfAnyInRange('0', '9') < 0)
        {
            return null;
        }

        string? match = null;
        foreach (string full in s_fullNames)
        {
            // A name that fitted the column would have been printed whole.
            if (full.Length <= prefix.Length + 3 || !full.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                || !SizeAgrees(full, memoryMiB))
            {
                continue;
            }

            if (match is not null)
            {
                return null;
            }

            match = full;
        }

        return match;
    }

    /// <summary>A "16GB" in the name must match the reported memory; a name without a size agrees with anything.</summary>
    private static bool SizeAgrees(string fullName, int? memoryMiB)
    {
        int gb = fullName.IndexOf("GB", StringComparison.Ordinal);
        if (gb <= 0)
        {
            return true;
        }

        int start = gb;
        while (start > 0 && char.IsAsciiDigit(fullName[start - 1]))
        {
            start--;
        }

        if (start == gb || memoryMiB is not int mib)
        {
            // A sized candidate cannot be confirmed without a memory figure.
            return start == gb;
        }

        int size = int.Parse(fullName.AsSpan(start, gb - start), System.Globalization.CultureInfo.InvariantCulture);

        // Reported totals sit a little below the marketing size (ECC, reserved memory): 16 GB shows as 16130-16384 MiB.
        return mib >= size * 1024 * 0.9 && mib <= size * 1024 * 1.03;
    }
}
