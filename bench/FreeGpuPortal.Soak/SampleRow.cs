namespace FreeGpuPortal.Soak;

/// <summary>One interval's figures: per kind count, p50 and p99 (ms); 5xx and unanswered requests; RSS (and its anonymous and shared
/// parts), GC heap and committed memory, methods compiled by the JIT, Blazor circuits
/// held in memory and connected, load.</summary>
public sealed record SampleRow(
    double ElapsedSeconds,
    IReadOnlyDictionary<RequestKind, KindFigures> Kinds,
    int ServerErrors,
    int Failures,
    double ResidentMegabytes,
    double AnonymousMegabytes,
    double SharedMegabytes,
    double GcHeapMegabytes,
    double GcCommittedMegabytes,
    double JitCompiledMethods,
    double ActiveCircuits,
    double ConnectedCircuits,
    double LoadAverage);

public readonly record struct KindFigures(int Count, double P50, double P99);
