namespace FreeGpuPortal.Soak;

/// <summary>One interval's figures: per kind count, p50 and p99 (ms); 5xx and unanswered requests; RSS, GC heap, load.</summary>
public sealed record SampleRow(
    double ElapsedSeconds,
    IReadOnlyDictionary<RequestKind, KindFigures> Kinds,
    int ServerErrors,
    int Failures,
    double ResidentMegabytes,
    double GcHeapMegabytes,
    double LoadAverage);

public readonly record struct KindFigures(int Count, double P50, double P99);
