namespace FreeGpuPortal.HardwareReports;

// The nvidia-smi CSV scanner, and the rows it reads.

/// <summary>
/// Reads <c>nvidia-smi --query-gpu=... --format=csv</c> output in any column order, with or without units (nounits)
/// and with or without the header line (noheader).
/// <para>
/// With a header, the columns are known by name. Without one, a line only counts when one field reads as a GPU name
/// (it starts with an NVIDIA brand word) and another as a memory size or a driver version; memory.total is then taken
/// as the largest MiB value on the line, because the other memory columns (used, free, reserved) can never exceed it.
/// </para>
/// </summary>
internal static class NvidiaSmiCsvScanner
{
    private const int MaxFields = 40;
    private const int MaxNameLength = 96;

    // Bare (undotted) nvidia-smi property names; every other property has a '.' or '_' in it. Requiring one or the
    // other keeps ordinary comma-separated prose ("name, age") from passing for a header.
    private static readonly string[] s_bareProperties = ["name", "index", "count", "serial", "uuid", "pstate", "timestamp"];

    private static readonly string[] s_brandWords = ["NVIDIA", "Tesla", "Quadro", "GeForce", "TITAN", "GRID"];

    private enum Column
    {
        Other,
        Name,
        Memory,
        Driver,
        Index,
    }

    public static CsvScanResult Scan(string s, int maxGpus)
    {
        List<CsvGpu> gpus = [];
        int headers = 0;
        int headerless = 0;
        int headerlessIndex = 0;
        int pos = 0;
        while (pos < s.Length && gpus.Count < maxGpus)
        {
            int end = LineEndOf(s, pos);
            ReadOnlySpan<char> line = s.AsSpan(pos, end - pos);
            if (line.IndexOf(',') < 0 && !line.Contains(".total", StringComparison.Ordinal)
                && !line.Contains("driver_version", StringComparison.Ordinal))
            {
                // Cheap rejection for the vast majority of lines; a single-column header still needs one of these.
                headerlessIndex = 0;
                pos = end + 1;
                continue;
            }

            if (TryReadHeader(line, out Column[]? columns, out int prefixLength))
            {
                headers++;
                headerlessIndex = 0;
                string prefix = line[..prefixLength].Trim(' ').ToString();
                int rowIndex = 0;
                pos = end + 1;
                while (pos < s.Length && gpus.Count < maxGpus)
                {
                    int rowEnd = LineEndOf(s, pos);
                    if (!TryReadRow(s.AsSpan(pos, rowEnd - pos), columns, prefix, rowIndex, out CsvGpu? row))
                    {
                        break;
                    }

                    gpus.Add(row);
                    rowIndex++;
                    pos = rowEnd + 1;
                }

                continue;
            }

            if (TryReadHeaderlessRow(line, headerlessIndex, out CsvGpu? guessed))
            {
                gpus.Add(guessed);
                headerless++;
                headerlessIndex++;
            }
            else
            {
                headerlessIndex = 0;
            }

            pos = end + 1;
        }

        return new CsvScanResult(gpus, headers, headerless);
    }

    private static int LineEndOf(string s, int pos)
    {
        int nl = s.IndexOf('\n', pos);
        return nl < 0 ? s.Length : nl;
    }

    private static bool TryReadHeader(ReadOnlySpan<char> line, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Column[]? columns, out int prefixLength)
    {
        columns = null;
        prefixLength = 0;
        if (line.Length > 2048 || line.Contains('|'))
        {
            return false;
        }

        int firstComma = line.IndexOf(',');
        ReadOnlySpan<char> first = firstComma < 0 ? line : line[..firstComma];
        first = first.TrimEnd(' ');

        // The first field may carry whatever was in front of the line (indentation, "> ", "[pod] "): take the
        // longest tail of it that is a header field.
        int fieldStart = -1;
        int tries = 0;
        for (int i = 0; i < first.Length && tries < 12; i++)
        {
            if (i == 0 || (first[i - 1] == ' ' && first[i] != ' '))
            {
                tries++;
                if (IsHeaderField(first[i..], out _))
                {
                    fieldStart = i;
                    break;
                }
            }
        }

        if (fieldStart < 0)
        {
            return false;
        }

        List<Column> found = [];
        bool useful = false;
        bool specific = false;
        ReadOnlySpan<char> rest = line[fieldStart..];
        while (true)
        {
            int comma = rest.IndexOf(',');
            ReadOnlySpan<char> field = (comma < 0 ? rest : rest[..comma]).Trim(' ');
            if (found.Count == MaxFields || !IsHeaderField(field, out ReadOnlySpan<char> property))
            {
                return false;
            }

            Column column = property switch
            {
                "name" or "gpu_name" => Column.Name,
                "memory.total" or "memory_total" => Column.Memory,
                "driver_version" => Column.Driver,
                "index" => Column.Index,
                _ => Column.Other,
            };
            useful |= column is Column.Name or Column.Memory or Column.Driver;
            specific |= property.IndexOfAny('.', '_') >= 0 || field.Length > property.Length;
            found.Add(column);
            if (comma < 0)
            {
                break;
            }

            rest = rest[(comma + 1)..];
        }

        // A lone bare word ("name") is too common in prose to start a table.
        if (!useful || (found.Count == 1 && !specific))
        {
            return false;
        }

        columns = [.. found];
        prefixLength = fieldStart;
        return true;
    }

    /// <summary>"memory.total [MiB]", "driver_version", "name"; <paramref name="property"/> is the part before the unit.</summary>
    private static bool IsHeaderField(ReadOnlySpan<char> field, out ReadOnlySpan<char> property)
    {
        property = default;
        int i = 0;
        while (i < field.Length && i <= 48 && (char.IsAsciiLetterLower(field[i]) || char.IsAsciiDigit(field[i]) || field[i] is '.' or '_'))
        {
            i++;
        }

        if (i == 0 || !char.IsAsciiLetterLower(field[0]))
        {
            return false;
        }

        property = field[..i];
        if (i < field.Length)
        {
            // Optional unit: " [MiB]", " [%]", " [W]".
            ReadOnlySpan<char> unit = field[i..];
            if (unit.Length < 4 || unit.Length > 14 || unit[0] != ' ' || unit[1] != '[' || unit[^1] != ']'
                || unit[2..^1].IndexOfAny('[', ']') >= 0)
            {
                return false;
            }
        }

        if (property.IndexOfAny('.', '_') >= 0)
        {
            return true;
        }

        foreach (string bare in s_bareProperties)
        {
            if (property.SequenceEqual(bare))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryReadRow(ReadOnlySpan<char> line, Column[] columns, string prefix, int rowIndex, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CsvGpu? row)
    {
        row = null;
        if (line.Length > 4096 || line.Contains('|'))
        {
            return false;
        }

        line = line.Trim(' ');
        if (prefix.Length > 0 && line.StartsWith(prefix, StringComparison.Ordinal))
        {
            line = line[prefix.Length..].TrimStart(' ');
        }

        if (line.IsEmpty)
        {
            return false;
        }

        string? name = null;
        int? memory = null;
        string? driver = null;
        int index = rowIndex;
        int column = 0;
        bool any = false;
        ReadOnlySpan<char> rest = line;
        while (true)
        {
            if (column == columns.Length)
            {
                return false;
            }

            int comma = rest.IndexOf(',');
            ReadOnlySpan<char> field = (comma < 0 ? rest : rest[..comma]).Trim(' ');
            switch (columns[column])
            {
                case Column.Name when IsValue(field) && field.Length <= MaxNameLength:
                    name = field.ToString();
                    any = true;
                    break;
                case Column.Memory when TryReadMiB(field, out int mib):
                    memory = mib;
                    any = true;
                    break;
                case Column.Driver when IsDriverVersion(field):
                    driver = field.ToString();
                    any = true;
                    break;
                case Column.Index when TextScan.TryReadInt(field, 3, out long idx, out int used) && used == field.Length:
                    index = (int)idx;
                    break;
                default:
                    break;
            }

            column++;
            if (comma < 0)
            {
                break;
            }

            rest = rest[(comma + 1)..];
        }

        if (column != columns.Length || !any)
        {
            return false;
        }

        row = new CsvGpu(index, name, memory, driver);
        return true;
    }

    private static bool TryReadHeaderlessRow(ReadOnlySpan<char> line, int rowIndex, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CsvGpu? row)
    {
        row = null;
        if (line.Length > 1024 || line.Contains('|') || line.IndexOf(',') < 0)
        {
            return false;
        }

        string? name = null;
        int withUnit = 0;
        int plain = 0;
        string? driver = null;
        int fields = 0;
        ReadOnlySpan<char> rest = line;
        while (fields < MaxFields)
        {
            int comma = rest.IndexOf(',');
            ReadOnlySpan<char> field = (comma < 0 ? rest : rest[..comma]).Trim(' ');
            fields++;
            if (name is null && TryFindBrandName(field, out ReadOnlySpan<char> brandName))
            {
                name = brandName.ToString();
            }
            else if (TextScan.TryReadInt(field, 9, out long number, out int used) && number > 0)
            {
                ReadOnlySpan<char> after = field[used..].TrimStart(' ');
                if (after.IsEmpty && number is >= 1024 and <= 4_194_304)
                {
                    plain = Math.Max(plain, (int)number);
                }
                else if (after.SequenceEqual("MiB"))
                {
                    withUnit = Math.Max(withUnit, (int)number);
                }

                if (driver is null && IsDriverVersion(field))
                {
                    driver = field.ToString();
                }
            }

            if (comma < 0)
            {
                break;
            }

            rest = rest[(comma + 1)..];
        }

        int memory = withUnit > 0 ? withUnit : plain;
        if (name is null || fields < 2 || (memory == 0 && driver is null))
        {
            return false;
        }

        row = new CsvGpu(rowIndex, name, memory > 0 ? memory : null, driver);
        return true;
    }

    private static bool TryFindBrandName(ReadOnlySpan<char> field, out ReadOnlySpan<char> name)
    {
        name = default;
        if (field.Length > MaxNameLength + 16)
        {
            return false;
        }

        foreach (string brand in s_brandWords)
        {
            int at = field.IndexOf(brand, StringComparison.Ordinal);
            if (at >= 0 && (at == 0 || !TextScan.IsWordChar(field[at - 1]))
                && (at + brand.Length == field.Length || field[at + brand.Length] is ' ' or '-'))
            {
                name = field[at..].Trim(' ');
                return true;
            }
        }

        return false;
    }

    private static bool IsValue(ReadOnlySpan<char> field) =>
        !field.IsEmpty && !field.SequenceEqual("[N/A]") && !field.SequenceEqual("N/A") && !field.StartsWith("[Not Supported", StringComparison.Ordinal);

    /// <summary>"15109 MiB", "15109" (nounits), with an optional hand-written note after a space.</summary>
    private static bool TryReadMiB(ReadOnlySpan<char> field, out int mib)
    {
        mib = 0;
        if (!TextScan.TryReadInt(field, 9, out long value, out int used) || value <= 0)
        {
            return false;
        }

        if (used < field.Length && field[used] != ' ')
        {
            return false;
        }

        mib = (int)value;
        return true;
    }

    /// <summary>A driver version has a three-digit branch ("535.104.05", "591.86"); this keeps compute_cap "8.9" out.</summary>
    private static bool IsDriverVersion(ReadOnlySpan<char> field)
    {
        int length = TextScan.ReadDottedVersion(field);
        return length == field.Length && length > 0 && field.IndexOf('.') == 3;
    }
}

internal sealed record CsvScanResult(List<CsvGpu> Gpus, int HeaderRows, int HeaderlessRows);

/// <summary>One data row of <c>nvidia-smi --query-gpu=... --format=csv</c>.</summary>
internal sealed record CsvGpu(int Index, string? Name, int? MemoryMiB, string? DriverVersion);
