using System.Diagnostics.Metrics;

namespace FreeGpuPortal.Web.Operations;

/// <summary>
/// The portal's own meter ("FreeGpuPortal"), exported at /metrics next to the ASP.NET Core, HttpClient, EF Core and
/// runtime instruments. Names follow OpenTelemetry's conventions; Prometheus shows them with dots as underscores
/// and a <c>_total</c> suffix on counters.
/// </summary>
public sealed class PortalMetrics : IDisposable
{
    public const string MeterName = "FreeGpuPortal";

    private readonly Meter _meter;
    private readonly Counter<long> _catalogSaves;
    private readonly Counter<long> _reportSubmissions;
    private readonly Counter<long> _outputCacheLookups;
    private readonly Counter<long> _rateLimitRejections;
    private readonly Counter<long> _storageFaults;
    private readonly Counter<long> _backups;

    public PortalMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _catalogSaves = _meter.CreateCounter<long>("portal.catalog.saves", description: "Catalog edits by outcome (saved, conflict, invalid, storage_fault, no_change, not_found).");
        _reportSubmissions = _meter.CreateCounter<long>("portal.reports.submissions", description: "Hardware reports submitted for moderation.");
        _outputCacheLookups = _meter.CreateCounter<long>("portal.output_cache.lookups", description: "Public-page output cache lookups by result (hit, miss).");
        _rateLimitRejections = _meter.CreateCounter<long>("portal.rate_limit.rejections", description: "Requests refused with 429, by endpoint kind.");
        _storageFaults = _meter.CreateCounter<long>("portal.storage.faults", description: "Database writes that failed on a storage fault, by problem.");
        _backups = _meter.CreateCounter<long>("portal.backups", description: "Backups written, by outcome (created, failed).");
    }

    public void CatalogSave(string outcome) => _catalogSaves.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void ReportSubmitted() => _reportSubmissions.Add(1);

    public void OutputCacheLookup(bool hit) => _outputCacheLookups.Add(1, new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));

    public void RateLimitRejected(string kind) => _rateLimitRejections.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void StorageFault(StorageProblem problem) =>
        _storageFaults.Add(1, new KeyValuePair<string, object?>("problem", problem.ToString().ToLowerInvariant()));

    public void Backup(bool created) => _backups.Add(1, new KeyValuePair<string, object?>("outcome", created ? "created" : "failed"));

    public void Dispose() => _meter.Dispose();
}
