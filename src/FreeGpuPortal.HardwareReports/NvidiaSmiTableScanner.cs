namespace FreeGpuPortal.HardwareReports;

// The nvidia-smi table scanner, and the GPU rows it reads.

/// <summary>
/// Reads the GPU rows of the default nvidia-smi table, for every layout from driver 367 (79 columns) to 580 (91
/// columns, '+---+' borders, Windows "Driver-Model" column).
/// <para>
/// The text is read as a stream of cells between '|' characters rather than line by line. In every layout a GPU row
/// starts with a cell "index name persistence-or-driver-model" directly followed by a cell that starts with a PCI bus
/// id, and the GPU's "used / total" memory cell follows a few cells later. That pattern does not depend on column
/// widths, indentation, a prefix before each line, or even on the line breaks, so a table whose lines were squeezed or
/// joined into one line still reads. MIG-device rows never match (their second cell is memory, not a bus id), nor do
/// process rows.
/// </para>
/// </summary>
internal static class NvidiaSmiTableScanner
{
    /// <summary>Cells searched after the bus-id cell for the memory cell (ECC, fan/temp/power, then memory).</summary>
    private const int MemoryLookahead = 8;

    private const int MaxNameLength = 96;

    private static readonly string[] s_trailingModeTokens = ["Off", "On", "WDDM", "TCC", "MCDM", "N/A"];

    public static List<TableGpu> Scan(string s, int maxGpus)
    {
        List<TableGpu> gpus = [];
        int cellStart = s.IndexOf('|');
        while (cellStart >= 0 && gpus.Count < maxGpus)
        {
            int cellEnd = s.IndexOf('|', cellStart + 1);
            if (cellEnd < 0)
            {
                break;
            }

            ReadOnlySpan<char> cell = s.AsSpan(cellStart + 1, cellEnd - cellStart - 1);
            if (TryReadGpuCell(cell, out int index, out Range nameRange))
            {
                int busEnd = s.IndexOf('|', cellEnd + 1);
                if (busEnd > 0 && IsBusIdCell(s.AsSpan(cellEnd + 1, busEnd - cellEnd - 1)))
                {
                    int? memory = FindMemoryTotal(s, busEnd);
                    string name = cell[nameRange].ToString();
                    gpus.Add(new TableGpu(index, name, memory));
                }
            }

            cellStart = cellEnd;
        }

        return gpus;
    }

    /// <summary>True when the text contains an nvidia-smi table header ("NVIDIA-SMI 535.104.05").</summary>
    public static bool HasHeader(string s) => FindBinaryVersion(s) is not null;

    /// <summary>The version of the nvidia-smi binary from the table header; it can differ from the driver version.</summary>
    public static string? FindBinaryVersion(string s)
    {
        const string Label = "NVIDIA-SMI ";
        int at = s.IndexOf(Label, StringComparison.Ordinal);
        while (at >= 0)
        {
            int v = at + Label.Length;
            int length = TextScan.ReadDottedVersion(s.AsSpan(v, Math.Min(32, s.Length - v)));
            if (length > 0)
            {
                return s.Substring(v, length);
            }

            at = s.IndexOf(Label, v, StringComparison.Ordinal);
        }

        return null;
    }

    private static bool TryReadGpuCell(ReadOnlySpan<char> cell, out int index, out Range name)
    {
        index = 0;
        name = default;
        if (cell.Length > 160 || cell.Contains('\n'))
        {
            return false;
        }

        int start = TextScan.SkipSpaces(cell, 0);
        if (!TextScan.TryReadInt(cell[start..], 3, out long idx, out int digits))
        {
            return false;
        }

        int nameStart = start + digits;
        if (nameStart >= cell.Length || cell[nameStart] != ' ')
        {
            return false;
        }

        nameStart = TextScan.SkipSpaces(cell, nameStart);
        int nameEnd = cell.TrimEnd(' ').Length;
        if (nameEnd <= nameStart)
        {
            return false;
        }

        // Drop the Persistence-M / Driver-Model value that shares the cell with the name.
        int lastSpace = cell[nameStart..nameEnd].LastIndexOf(' ');
        if (lastSpace > 0)
        {
            ReadOnlySpan<char> last = cell[(nameStart + lastSpace + 1)..nameEnd];
            foreach (string token in s_trailingModeTokens)
            {
                if (last.SequenceEqual(token))
                {
                    nameEnd = cell[..(nameStart + lastSpace)].TrimEnd(' ').Length;
                    break;
                }
            }
        }

        ReadOnlySpan<char> candidate = cell[nameStart..nameEnd];
        if (candidate.Length > MaxNameLength || candidate.IndexOfAnyInRange('A', 'z') < 0)
        {
            return false;
        }

        index = (int)idx;
        name = nameStart..nameEnd;
        return true;
    }

    /// <summary>"00000000:00:04.0 Off", "0000:04:00.0     Off" or a Hyper-V style "86BF:00:00.0".</summary>
    private static bool IsBusIdCell(ReadOnlySpan<char> cell)
    {
        int i = TextScan.SkipSpaces(cell, 0);
        int domain = 0;
        while (i < cell.Length && char.IsAsciiHexDigit(cell[i]) && domain < 9)
        {
            i++;
            domain++;
        }

        if (domain is < 4 or > 8)
        {
            return false;
        }

        return i + 8 <= cell.Length
            && cell[i] == ':'
            && char.IsAsciiHexDigit(cell[i + 1]) && char.IsAsciiHexDigit(cell[i + 2])
            && cell[i + 3] == ':'
            && char.IsAsciiHexDigit(cell[i + 4]) && char.IsAsciiHexDigit(cell[i + 5])
            && cell[i + 6] == '.'
            && char.IsAsciiHexDigit(cell[i + 7]);
    }

    private static int? FindMemoryTotal(string s, int afterPipe)
    {
        int cellStart = afterPipe;
        for (int k = 0; k < MemoryLookahead; k++)
        {
            int cellEnd = s.IndexOf('|', cellStart + 1);
            if (cellEnd < 0)
            {
                return null;
            }

            ReadOnlySpan<char> cell = s.AsSpan(cellStart + 1, cellEnd - cellStart - 1);
            if (TryReadMemoryUsage(cell, out int total))
            {
                return total;
            }

            cellStart = cellEnd;
        }

        return null;
    }

    /// <summary>"   1297MiB / 11441MiB " (also accepts "MB" and squeezed spacing); returns the total.</summary>
    private static bool TryReadMemoryUsage(ReadOnlySpan<char> cell, out int total)
    {
        total = 0;
        int i = TextScan.SkipSpaces(cell, 0);
        if (!TextScan.TryReadInt(cell[i..], 9, out _, out int used))
        {
            return false;
        }

        i = SkipUnit(cell, TextScan.SkipSpaces(cell, i + used));
        if (i < 0)
        {
            return false;
        }

        i = TextScan.SkipSpaces(cell, i);
        if (i >= cell.Length || cell[i] != '/')
        {
            return false;
        }

        i = TextScan.SkipSpaces(cell, i + 1);
        if (!TextScan.TryReadInt(cell[i..], 9, out long t, out used) || t <= 0)
        {
            return false;
        }

        if (SkipUnit(cell, TextScan.SkipSpaces(cell, i + used)) < 0)
        {
            return false;
        }

        total = (int)t;
        return true;
    }

    private static int SkipUnit(ReadOnlySpan<char> s, int i)
    {
        if (TextScan.StartsWithAt(s, i, "MiB"))
        {
            return i + 3;
        }

        return TextScan.StartsWithAt(s, i, "MB") ? i + 2 : -1;
    }
}

/// <summary>A GPU row of an nvidia-smi table.</summary>
internal sealed record TableGpu(int Index, string Name, int? MemoryMiB);
