namespace FreeGpuPortal.HardwareReports;

/// <summary>
/// Finds "Driver Version: x" and "CUDA Version: y" by their labels wherever they are (table header, squeezed or joined
/// lines, <c>nvidia-smi -q</c> with "Driver Version   : x"), so the layout of the header never matters.
/// </summary>
internal static class NvidiaSmiHeaderScanner
{
    private const string DriverLabel = "Driver Version";
    private const string CudaLabel = "CUDA Version";

    /// <summary>All distinct driver versions, in order of appearance (more than one means two machines were pasted).</summary>
    public static List<string> FindDriverVersions(string s)
    {
        List<string> found = [];
        foreach (int valueAt in LabelValues(s, DriverLabel))
        {
            string value = ReadVersion(s, valueAt);
            if (value.Length > 0 && !found.Contains(value))
            {
                found.Add(value);
                if (found.Count == 8)
                {
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>
    /// The CUDA version from the nvidia-smi header. One that shares a line with "Driver Version" wins over a stray
    /// "CUDA Version: ..." printed by some other tool in the same paste.
    /// </summary>
    public static string? FindCudaVersion(string s)
    {
        string? anywhere = null;
        foreach (int valueAt in LabelValues(s, CudaLabel))
        {
            string value = ReadVersion(s, valueAt);
            if (value.Length == 0)
            {
                continue;
            }

            int lineStart = TextScan.LineStart(s, valueAt, 256);
            if (s.AsSpan(lineStart, valueAt - lineStart).Contains(DriverLabel, StringComparison.Ordinal))
            {
                return value;
            }

            anywhere ??= value;
        }

        return anywhere;
    }

    /// <summary>Positions just after "Label:" / "Label   :" for each occurrence of the label.</summary>
    private static IEnumerable<int> LabelValues(string s, string label)
    {
        int at = s.IndexOf(label, StringComparison.Ordinal);
        while (at >= 0)
        {
            int i = at + label.Length;
            int j = SkipBlank(s, i);
            if (j < s.Length && s[j] == ':')
            {
                yield return SkipBlank(s, j + 1);
            }

            at = s.IndexOf(label, i, StringComparison.Ordinal);
        }
    }

    // Bounded so that a label followed by megabytes of spaces costs no more than a short one.
    private static int SkipBlank(string s, int i)
    {
        int limit = Math.Min(s.Length, i + 64);
        while (i < limit && s[i] == ' ')
        {
            i++;
        }

        return i;
    }

    private static string ReadVersion(string s, int at)
    {
        int length = TextScan.ReadDottedVersion(s.AsSpan(at, Math.Min(32, s.Length - at)));
        return length == 0 ? string.Empty : s.Substring(at, length);
    }
}
