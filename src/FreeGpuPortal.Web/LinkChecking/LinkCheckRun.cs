using System.Collections.Concurrent;

using FreeGpuPortal.Web.Data;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FreeGpuPortal.Web.LinkChecking;

/// <summary>
/// One pass over every distinct URL the catalog cites: each is probed (at most
/// <see cref="LinkCheckOptions.MaxConcurrency"/> at a time), and the results are saved together, in one save, so the
/// public pages' caches move on once per run. URLs the catalog no longer cites lose their status.
/// </summary>
public sealed class LinkCheckRun(
    IDbContextFactory<CatalogDbContext> contextFactory, LinkProbe probe, IOptions<LinkCheckOptions> options,
    TimeProvider timeProvider, ILogger<LinkCheckRun> logger)
{
    /// <param name="progress">Told how many links there are, then again after each link is checked: (checked, total).</param>
    public async Task<LinkCheckSummary> RunAsync(Action<int, int>? progress = null, CancellationToken cancellationToken = default)
    {
        List<string> urls;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            urls = [.. (await CitedLinks.ReadAsync(db, cancellationToken)).All];
        }

        progress?.Invoke(0, urls.Count);
        var done = 0;
        var results = new ConcurrentDictionary<string, ProbeResult>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            urls,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.MaxConcurrency), CancellationToken = cancellationToken },
            async (url, token) =>
            {
                results[url] = await probe.CheckAsync(url, token);
                progress?.Invoke(Interlocked.Increment(ref done), urls.Count);
            });

        var now = timeProvider.GetUtcNow().UtcDateTime;
        await using var save = await contextFactory.CreateDbContextAsync(cancellationToken);
        var known = await save.LinkStatuses.ToDictionaryAsync(s => s.Url, StringComparer.Ordinal, cancellationToken);
        foreach (var (url, result) in results)
        {
            if (!known.TryGetValue(url, out var status))
            {
                status = new LinkStatus { Url = url };
                save.LinkStatuses.Add(status);
                known[url] = status;
            }

            Record(status, result, now);
        }

        save.LinkStatuses.RemoveRange(known.Values.Where(s => !results.ContainsKey(s.Url)));
        await save.SaveChangesAsync(cancellationToken);

        var summary = new LinkCheckSummary(
            results.Count,
            known.Values.Count(s => results.ContainsKey(s.Url) && s.IsBroken),
            known.Values.Count(s => results.ContainsKey(s.Url) && s.Outcome == LinkOutcome.Redirected));
        logger.LogInformation(
            "Link check: {Checked} links checked, {Broken} broken, {Redirected} redirected", summary.Checked, summary.Broken, summary.Redirected);
        return summary;
    }

    /// <summary>A success clears the failure count; a failure adds to it and keeps the time the failures began.</summary>
    public static void Record(LinkStatus status, ProbeResult result, DateTime checkedAtUtc)
    {
        status.Outcome = result.Outcome;
        status.StatusCode = result.StatusCode;
        status.FinalUrl = result.FinalUrl;
        status.PermanentRedirect = result.PermanentRedirect;
        status.CheckedAtUtc = checkedAtUtc;
        if (LinkStatus.IsFailure(result.Outcome))
        {
            status.ConsecutiveFailures++;
            status.FailingSinceUtc ??= checkedAtUtc;
        }
        else
        {
            status.ConsecutiveFailures = 0;
            status.FailingSinceUtc = null;
        }
    }
}
