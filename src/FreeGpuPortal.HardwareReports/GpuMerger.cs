using System.Globalization;

namespace FreeGpuPortal.HardwareReports;

/// <summary>
/// Combines what the table, the <c>-L</c> list and the CSV output say about each GPU. They all number GPUs the same
/// way (the nvidia-smi index; CSV rows come in index order), so entries are matched by index: a paste with the table
/// of one run and the list of another still describes one GPU per index, never two.
/// </summary>
internal static class GpuMerger
{
    private const int MaxConflictMessages = 4;

    private const int MaxNotes = 12;

    private sealed class Slot
    {
        public List<string> Names { get; } = [];

        public int? TableMemory { get; set; }

        public int? CsvMemory { get; set; }
    }

    public static List<ReportedGpu> Merge(
        List<TableGpu> table,
        List<ListedGpu> listed,
        List<CsvGpu> csv,
        int maxGpus,
        List<string> messages)
    {
        SortedDictionary<int, Slot> slots = [];
        int conflicts = 0;
        bool overflow = false;

        // The same index printed twice by one source is the same GPU pasted twice (two runs); the first print wins.
        HashSet<int> seen = [];
        foreach (TableGpu gpu in table)
        {
            if (seen.Add(gpu.Index) && SlotFor(gpu.Index) is Slot slot)
            {
                slot.Names.Add(gpu.Name);
                slot.TableMemory = gpu.MemoryMiB;
            }
        }

        seen.Clear();
        foreach (ListedGpu gpu in listed)
        {
            if (seen.Add(gpu.Index) && SlotFor(gpu.Index) is Slot slot)
            {
                slot.Names.Add(gpu.Name);
            }
        }

        seen.Clear();
        foreach (CsvGpu gpu in csv)
        {
            if (seen.Add(gpu.Index) && SlotFor(gpu.Index) is Slot slot)
            {
                if (gpu.Name is not null)
                {
                    slot.Names.Add(gpu.Name);
                }

                slot.CsvMemory ??= gpu.MemoryMiB;
            }
        }

        if (overflow)
        {
            messages.Add(string.Create(CultureInfo.InvariantCulture, $"More than {maxGpus} GPUs were listed; only the first {maxGpus} are kept."));
        }

        List<ReportedGpu> result = new(slots.Count);
        foreach ((int index, Slot slot) in slots)
        {
            int? memory = slot.TableMemory ?? slot.CsvMemory;
            if (slot.TableMemory is int t && slot.CsvMemory is int c && t != c && conflicts++ < MaxConflictMessages)
            {
                messages.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"GPU {index} shows {t} MiB in the table but {c} MiB in the CSV output; kept {t} MiB."));
            }

            string? name = PickName(index, slot.Names, memory, messages, ref conflicts);
            result.Add(new ReportedGpu(name, memory));
        }

        return result;

        Slot? SlotFor(int index)
        {
            if (slots.TryGetValue(index, out Slot? existing))
            {
                return existing;
            }

            if (slots.Count >= maxGpus)
            {
                overflow = true;
                return null;
            }

            Slot created = new();
            slots.Add(index, created);
            return created;
        }
    }

    private static string? PickName(int index, List<string> names, int? memoryMiB, List<string> messages, ref int conflicts)
    {
        if (names.Count == 0)
        {
            return null;
        }

        // A whole name from any source beats a cut one; among whole names the first source (table, list, CSV) wins.
        string? whole = names.Find(n => !TruncatedGpuNames.IsTruncated(n));
        foreach (string other in names)
        {
            bool agrees = whole is null
                || other == whole
                || (TruncatedGpuNames.IsTruncated(other) && whole.StartsWith(TruncatedGpuNames.PrintedPrefix(other), StringComparison.Ordinal));
            if (!agrees && conflicts++ < MaxConflictMessages)
            {
                messages.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"GPU {index} is called '{whole}' in one output and '{other}' in another; kept '{whole}'."));
            }
        }

        if (whole is not null)
        {
            return whole;
        }

        string printed = names[0];
        string? completed = TruncatedGpuNames.Complete(printed, memoryMiB);
        string note = completed is not null
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"nvidia-smi cut a GPU name to '{printed}'; only '{completed}' fits the printed part and {memoryMiB} MiB, so that name is reported.")
            : $"nvidia-smi cut a GPU name to '{printed}' and more than one model fits, so it is reported as printed (nvidia-smi -L prints whole names).";

        // Eight identical cut names on one machine need one explanation, not eight; and a paste of hundreds of
        // different cut names must not produce hundreds of messages.
        if (messages.Count < MaxNotes && !messages.Contains(note))
        {
            messages.Add(note);
        }

        return completed ?? printed;
    }
}
