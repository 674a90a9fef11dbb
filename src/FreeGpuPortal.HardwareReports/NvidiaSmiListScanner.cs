namespace FreeGpuPortal.HardwareReports;

// The nvidia-smi -L scanner, and the GPU lines it reads.

/// <summary>
/// Reads <c>nvidia-smi -L</c>. Each GPU is "GPU n: name (UUID: GPU-...)", wherever it sits on a line (prompts, list
/// markers, arrows in front are fine). MIG instances are listed as "MIG 1g.5gb Device 0: (UUID: MIG-...)" and are only
/// counted, never taken for GPUs.
/// </summary>
internal static class NvidiaSmiListScanner
{
    private const int MaxNameLength = 96;

    public static List<ListedGpu> Scan(string s, int maxGpus)
    {
        List<ListedGpu> gpus = [];
        int at = s.IndexOf("GPU ", StringComparison.Ordinal);
        while (at >= 0 && gpus.Count < maxGpus)
        {
            if (TryRead(s, at, out ListedGpu? gpu))
            {
                gpus.Add(gpu);
            }

            at = s.IndexOf("GPU ", at + 4, StringComparison.Ordinal);
        }

        return gpus;
    }

    public static int CountMigDevices(string s)
    {
        int count = 0;
        int at = s.IndexOf("(UUID: MIG-", StringComparison.Ordinal);
        while (at >= 0)
        {
            count++;
            at = s.IndexOf("(UUID: MIG-", at + 1, StringComparison.Ordinal);
        }

        return count;
    }

    private static bool TryRead(string s, int at, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ListedGpu? gpu)
    {
        gpu = null;
        if (at > 0 && TextScan.IsWordChar(s[at - 1]))
        {
            return false;
        }

        // Bounded window: the rest of this line, at most long enough for a name and the UUID marker.
        int windowEnd = TextScan.LineEnd(s, at, 4 + 4 + MaxNameLength + 8);
        ReadOnlySpan<char> w = s.AsSpan(at, windowEnd - at);
        int i = 4;
        if (!TextScan.TryReadInt(w[i..], 3, out long index, out int digits))
        {
            return false;
        }

        i += digits;
        if (i >= w.Length || w[i] != ':')
        {
            return false;
        }

        int uuid = w[i..].IndexOf("(UUID:", StringComparison.Ordinal);
        if (uuid < 0)
        {
            return false;
        }

        ReadOnlySpan<char> name = w[(i + 1)..(i + uuid)].Trim(' ');
        if (name.IsEmpty || name.Length > MaxNameLength || !ContainsLetter(name))
        {
            return false;
        }

        gpu = new ListedGpu((int)index, name.ToString());
        return true;
    }

    private static bool ContainsLetter(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A "GPU n: name (UUID: ...)" line of <c>nvidia-smi -L</c>.</summary>
internal sealed record ListedGpu(int Index, string Name);
