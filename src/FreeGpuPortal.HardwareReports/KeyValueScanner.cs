namespace FreeGpuPortal.HardwareReports;

// The key-value scanner (lscpu, /proc/meminfo), and the lscpu values it reads.

/// <summary>
/// Reads "Key: value" lines of lscpu and /proc/meminfo by searching for the exact key followed by ':'. The key may sit
/// anywhere on its line, so every lscpu layout (util-linux 2.2x with values at column 21-23, the 2.37+ tree with nested
/// indentation) and any prefix in front of each line ("> ", "[pod] ", timestamps) read the same way.
/// </summary>
internal static class KeyValueScanner
{
    private const int MaxValueLength = 256;

    public static LscpuValues ScanLscpu(string s)
    {
        string? model = null;
        if (TryFindValue(s, "Model name:", out ReadOnlySpan<char> value) && value.Length > 1 && value.IndexOfAnyInRange('0', 'z') >= 0)
        {
            model = value.ToString();
        }

        return new LscpuValues(
            model,
            ReadCount(s, "CPU(s):"),
            ReadCount(s, "Thread(s) per core:"),
            ReadCount(s, "Core(s) per socket:"),
            ReadCount(s, "Socket(s):"));
    }

    /// <summary>MemTotal in kB ("MemTotal:       16268680 kB", also squeezed to "MemTotal: 16268680 kB").</summary>
    public static long? ScanMemTotalKiB(string s)
    {
        if (!TryFindValue(s, "MemTotal:", out ReadOnlySpan<char> value)
            || !TextScan.TryReadInt(value, 15, out long kib, out int used) || kib <= 0)
        {
            return null;
        }

        ReadOnlySpan<char> unit = value[used..].TrimStart(' ');
        if (!unit.IsEmpty && !unit.StartsWith("kB", StringComparison.Ordinal) && !unit.StartsWith("KiB", StringComparison.Ordinal))
        {
            return null;
        }

        return kib;
    }

    private static int? ReadCount(string s, string key) =>
        TryFindValue(s, key, out ReadOnlySpan<char> value) && TextScan.TryParseLeadingPositiveInt(value, out int n) && n <= 1_000_000
            ? n
            : null;

    /// <summary>
    /// The value after the first occurrence of <paramref name="keyWithColon"/> that really is that key: not the end of
    /// a longer word, and not one of lscpu's longer keys ending the same way ("NUMA node0 CPU(s):", "BIOS Model name:").
    /// </summary>
    private static bool TryFindValue(string s, string keyWithColon, out ReadOnlySpan<char> value)
    {
        value = default;
        int at = s.IndexOf(keyWithColon, StringComparison.Ordinal);
        while (at >= 0)
        {
            if (IsKeyStart(s, at))
            {
                int from = at + keyWithColon.Length;
                int to = TextScan.LineEnd(s, from, MaxValueLength);
                value = s.AsSpan(from, to - from).Trim(' ');
                if (!value.IsEmpty)
                {
                    return true;
                }
            }

            at = s.IndexOf(keyWithColon, at + 1, StringComparison.Ordinal);
        }

        return false;
    }

    private static bool IsKeyStart(string s, int at)
    {
        if (at == 0)
        {
            return true;
        }

        char before = s[at - 1];
        if (TextScan.IsWordChar(before) || before is '(' or '-' or '.' or '/')
        {
            return false;
        }

        // The word in front, on the same line, tells a longer key apart from a prefix.
        int end = at - 1;
        int limit = Math.Max(0, at - 40);
        while (end >= limit && s[end] == ' ')
        {
            end--;
        }

        int start = end;
        while (start >= limit && start >= 0 && TextScan.IsWordChar(s[start]))
        {
            start--;
        }

        ReadOnlySpan<char> word = end >= 0 ? s.AsSpan(start + 1, end - start) : [];
        if (word.SequenceEqual("BIOS"))
        {
            return false;
        }

        return !(word.StartsWith("node", StringComparison.Ordinal) && word.Length > 4 && char.IsAsciiDigit(word[4]));
    }
}

/// <summary>Values read from lscpu; CoresPerSocket is only reported in messages (it is not part of the public shape).</summary>
internal sealed record LscpuValues(string? Model, int? LogicalCpus, int? ThreadsPerCore, int? CoresPerSocket, int? Sockets)
{
    /// <summary>Whether anything of the public shape was found (cores per socket alone does not make a CPU).</summary>
    public bool Any => Model is not null || LogicalCpus is not null || ThreadsPerCore is not null || Sockets is not null;
}
