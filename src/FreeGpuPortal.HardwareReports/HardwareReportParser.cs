using System.Globalization;
using System.Text;

namespace FreeGpuPortal.HardwareReports;

/// <summary>
/// Reads the text visitors paste from a notebook session — the output of <c>nvidia-smi</c> (table, <c>-L</c> list or
/// <c>--query-gpu ... --format=csv</c>), <c>lscpu</c> and <c>cat /proc/meminfo</c>, in any order and mixed with
/// prompts, code fences, HTML and other junk — into a <see cref="HardwareReport"/>.
/// <para>
/// Hostile input is expected: the paste is refused above <see cref="MaxInputBytes"/>; below that, every scanner moves
/// forward through the text with bounded look-around and no regular expressions, so time and memory stay linear in the
/// size of the paste, and no exception reaches the caller.
/// </para>
/// </summary>
public static class HardwareReportParser
{
    /// <summary>Largest accepted paste, in UTF-8 bytes.</summary>
    public const int MaxInputBytes = 256 * 1024;

    /// <summary>GPUs beyond this many are ignored (the largest single machines have 8 to 16; 256 leaves room for racks).</summary>
    public const int MaxGpus = 256;

    internal const string NothingRecognised =
        "Nothing recognisable was found. Paste the output of nvidia-smi (or nvidia-smi -L, or nvidia-smi "
        + "--query-gpu=name,memory.total,driver_version --format=csv), lscpu or cat /proc/meminfo.";

    internal const string InternalError =
        "The paste could not be read because of an internal error in the parser; please report it with the text you pasted.";

    private static readonly IReadOnlyList<ReportedGpu> s_noGpus = Array.AsReadOnly(Array.Empty<ReportedGpu>());

    /// <summary>Parses pasted text. Never throws; a null, empty or unrecognisable paste gives empty values and a message.</summary>
    public static HardwareReport Parse(string? text)
    {
        if (text is null || text.Length == 0)
        {
            return Empty(false, NothingRecognised);
        }

        // Every UTF-16 unit is at least one UTF-8 byte, so a long string is refused before it is even measured.
        if (text.Length > MaxInputBytes)
        {
            return Empty(true, TooLargeMessage(null));
        }

        int bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > MaxInputBytes)
        {
            return Empty(true, TooLargeMessage(bytes));
        }

        try
        {
            return ParseAccepted(text);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A parser bug must not become a server error for the visitor; tests assert this message never appears.
            return Empty(false, InternalError);
        }
    }

    private static string TooLargeMessage(int? bytes)
    {
        string size = bytes is int b ? string.Create(CultureInfo.InvariantCulture, $"{b:N0} bytes") : "more than that";
        return $"The paste is too large ({size}); the limit is 256 KB. Paste only the output of nvidia-smi, lscpu and cat /proc/meminfo.";
    }

    private static HardwareReport Empty(bool tooLarge, string message) =>
        new(s_noGpus, null, null, null, null, null, Array.AsReadOnly([message]), tooLarge);

    private static HardwareReport ParseAccepted(string text)
    {
        string s = PasteNormalizer.Normalize(text);
        List<string> messages = [];

        // One more than the limit, so that the merger can tell the paste had too many.
        List<TableGpu> table = NvidiaSmiTableScanner.Scan(s, MaxGpus + 1);
        List<ListedGpu> listed = NvidiaSmiListScanner.Scan(s, MaxGpus + 1);
        CsvScanResult csv = NvidiaSmiCsvScanner.Scan(s, MaxGpus + 1);
        bool hasTableHeader = NvidiaSmiTableScanner.HasHeader(s);
        List<string> driverVersions = NvidiaSmiHeaderScanner.FindDriverVersions(s);
        string? cudaVersion = NvidiaSmiHeaderScanner.FindCudaVersion(s);
        LscpuValues lscpu = KeyValueScanner.ScanLscpu(s);
        long? memTotal = KeyValueScanner.ScanMemTotalKiB(s);
        List<string> errors = NvidiaSmiErrorScanner.Scan(s);

        List<string> gpuNotes = [];
        List<ReportedGpu> gpus = GpuMerger.Merge(table, listed, csv.Gpus, MaxGpus, gpuNotes);
        if (gpus.Count > 0)
        {
            messages.Add(DescribeGpus(gpus));
        }

        string? driverVersion = driverVersions.Count > 0 ? driverVersions[0] : null;
        string? csvDriver = csv.Gpus.Find(g => g.DriverVersion is not null)?.DriverVersion;
        if (driverVersion is null)
        {
            driverVersion = csvDriver;
        }
        else if (csvDriver is not null && csvDriver != driverVersion)
        {
            messages.Add($"The CSV output names driver {csvDriver} but the table header says {driverVersion}; kept {driverVersion}.");
        }

        if (driverVersions.Count > 1)
        {
            messages.Add($"Several driver versions appear ({string.Join(", ", driverVersions)}); kept the first. Were two machines pasted?");
        }

        DescribeGpuSources(s, table, listed, csv, hasTableHeader, driverVersion, cudaVersion, messages);
        messages.AddRange(gpuNotes);

        ReportedCpu? cpu = null;
        if (lscpu.Any)
        {
            cpu = new ReportedCpu(lscpu.Model, lscpu.LogicalCpus, lscpu.ThreadsPerCore, lscpu.Sockets);
            messages.Add(DescribeLscpu(lscpu));
        }

        if (memTotal is long kib)
        {
            messages.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"Read /proc/meminfo: MemTotal {kib} kB ({kib / 1024.0 / 1024.0:0.0} GiB)."));
        }

        messages.AddRange(errors);

        bool gpuInfo = gpus.Count > 0 || driverVersion is not null || hasTableHeader || errors.Count > 0;
        if (!gpuInfo && cpu is null && memTotal is null)
        {
            messages.Add(NothingRecognised);
        }
        else
        {
            List<string> missing = [];
            if (!gpuInfo)
            {
                missing.Add("nvidia-smi (GPUs)");
            }

            if (cpu is null)
            {
                missing.Add("lscpu (CPU)");
            }

            if (memTotal is null)
            {
                missing.Add("cat /proc/meminfo (RAM)");
            }

            if (missing.Count > 0)
            {
                messages.Add($"Not found in this paste: {string.Join(", ", missing)}.");
            }
        }

        int? gpuCount = gpus.Count > 0 ? gpus.Count : errors.Count > 0 ? 0 : null;
        return new HardwareReport(
            gpus.Count == 0 ? s_noGpus : gpus.AsReadOnly(),
            gpuCount,
            driverVersion,
            cudaVersion,
            cpu,
            memTotal,
            messages.AsReadOnly(),
            false);
    }

    private static void DescribeGpuSources(
        string s,
        List<TableGpu> table,
        List<ListedGpu> listed,
        CsvScanResult csv,
        bool hasTableHeader,
        string? driverVersion,
        string? cudaVersion,
        List<string> messages)
    {
        if (table.Count > 0)
        {
            messages.Add(string.Create(CultureInfo.InvariantCulture, $"Read an nvidia-smi table with {Plural(table.Count, "GPU row")}."));
        }
        else if (hasTableHeader)
        {
            messages.Add("An nvidia-smi table header was found but no GPU row could be read; paste the whole table.");
        }

        if (driverVersion is not null && (table.Count > 0 || hasTableHeader))
        {
            string? binary = NvidiaSmiTableScanner.FindBinaryVersion(s);
            if (binary is not null && binary != driverVersion)
            {
                messages.Add($"The nvidia-smi program is version {binary} but the driver is {driverVersion}; the driver version is the one reported.");
            }

            if (cudaVersion is null)
            {
                messages.Add("The nvidia-smi header shows no CUDA Version (drivers before 410 did not print one).");
            }
        }

        if (s.Contains("MIG devices:", StringComparison.Ordinal))
        {
            messages.Add("The MIG devices table lists GPU instances (slices of the GPUs above); they are not counted as GPUs.");
        }

        if (listed.Count > 0)
        {
            messages.Add(string.Create(CultureInfo.InvariantCulture, $"Read an nvidia-smi -L list with {Plural(listed.Count, "GPU")}."));
        }

        int mig = NvidiaSmiListScanner.CountMigDevices(s);
        if (mig > 0)
        {
            messages.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{mig} MIG devices are listed; they are slices of the GPUs and are not counted as GPUs."));
        }

        if (csv.HeaderRows > 0)
        {
            int rows = csv.Gpus.Count - csv.HeaderlessRows;
            messages.Add(string.Create(CultureInfo.InvariantCulture, $"Read nvidia-smi CSV output ({Plural(rows, "row")})."));
        }

        if (csv.HeaderlessRows > 0)
        {
            messages.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"Read {Plural(csv.HeaderlessRows, "CSV line")} without a header: the columns were guessed (the largest MiB value is taken as memory.total)."));
        }
    }

    /// <summary>"Found 8 GPUs: 8 × NVIDIA A100-SXM4-40GB (40960 MiB)." Identical neighbours are grouped.</summary>
    private static string DescribeGpus(List<ReportedGpu> gpus)
    {
        const int MaxGroups = 8;
        List<string> groups = [];
        int i = 0;
        while (i < gpus.Count && groups.Count < MaxGroups)
        {
            int j = i + 1;
            while (j < gpus.Count && gpus[j] == gpus[i])
            {
                j++;
            }

            string name = gpus[i].Name ?? "unnamed GPU";
            string memory = gpus[i].MemoryMiB is int mib ? string.Create(CultureInfo.InvariantCulture, $" ({mib} MiB)") : string.Empty;
            groups.Add(j - i == 1 ? name + memory : string.Create(CultureInfo.InvariantCulture, $"{j - i} × {name}{memory}"));
            i = j;
        }

        string more = i < gpus.Count ? ", …" : string.Empty;
        return $"Found {Plural(gpus.Count, "GPU")}: {string.Join(", ", groups)}{more}.";
    }

    private static string DescribeLscpu(LscpuValues v)
    {
        List<string> parts = [];
        if (v.Model is not null)
        {
            parts.Add(v.Model);
        }

        if (v.LogicalCpus is int cpus)
        {
            parts.Add(Plural(cpus, "logical CPU"));
        }

        if (v.ThreadsPerCore is int tpc)
        {
            parts.Add(Plural(tpc, "thread") + " per core");
        }

        if (v.CoresPerSocket is int cps)
        {
            parts.Add(Plural(cps, "core") + " per socket");
        }

        if (v.Sockets is int sockets)
        {
            parts.Add(Plural(sockets, "socket"));
        }

        List<string> missing = [];
        if (v.Model is null)
        {
            missing.Add("Model name");
        }

        if (v.LogicalCpus is null)
        {
            missing.Add("CPU(s)");
        }

        if (v.ThreadsPerCore is null)
        {
            missing.Add("Thread(s) per core");
        }

        if (v.Sockets is null)
        {
            missing.Add("Socket(s)");
        }

        string text = $"Read lscpu: {string.Join(", ", parts)}.";
        return missing.Count == 0 ? text : $"{text} Missing from the lscpu output: {string.Join(", ", missing)}.";
    }

    internal static string Plural(int n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? string.Empty : "s")}");
}
