using Microsoft.AspNetCore.OutputCaching;

namespace FreeGpuPortal.Web.Operations;

/// <summary>Wraps the output cache's store to count hits and misses of the public pages.</summary>
public sealed class CountingOutputCacheStore(IOutputCacheStore inner, PortalMetrics metrics) : IOutputCacheStore
{
    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var entry = await inner.GetAsync(key, cancellationToken);
        metrics.OutputCacheLookup(hit: entry is not null);
        return entry;
    }

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        inner.SetAsync(key, value, tags, validFor, cancellationToken);

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => inner.EvictByTagAsync(tag, cancellationToken);
}
