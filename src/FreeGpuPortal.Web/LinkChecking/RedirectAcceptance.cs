using System.Globalization;

using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Data;

using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.LinkChecking;

// Accepting a redirect for the platforms that cite the old URL, and what became of it.

/// <summary>
/// "Accept the new URL" for a link that redirects: replaces the old URL with the final one in every platform that
/// cites it, through <see cref="CatalogEditor"/> (validated, with the new URL as evidence, recorded in the history),
/// as the <see cref="Actor"/> the admin page's authority check named at the moment of the click.
/// </summary>
public sealed class RedirectAcceptance(
    IDbContextFactory<CatalogDbContext> contextFactory, CatalogEditor editor, ILogger<RedirectAcceptance> logger)
{
    public const string NoLongerRedirects = "Links.Accept.NoLongerRedirects";
    public const string NotCited = "Links.Accept.NotCited";
    public const string ChangedMeanwhile = "Links.Accept.ChangedMeanwhile";

    public async Task<AcceptRedirectResult> AcceptAsync(string url, Actor actor, CancellationToken cancellationToken = default)
    {
        List<CitingPlatform> citing;
        string finalUrl;
        DateTime? checkedAt;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var status = await db.LinkStatuses.AsNoTracking().SingleOrDefaultAsync(s => s.Url == url, cancellationToken);
            if (status is not { Outcome: LinkOutcome.Redirected, FinalUrl: { } target })
            {
                return new AcceptRedirectResult.Refused(NoLongerRedirects);
            }

            finalUrl = target;
            checkedAt = status.CheckedAtUtc;
            var cited = await CitedLinks.ReadAsync(db, cancellationToken);
            citing = cited.ByPlatforms.TryGetValue(url, out var by) ? [.. by] : [];
        }

        if (citing.Count == 0)
        {
            return new AcceptRedirectResult.Refused(NotCited);
        }

        var evidence = new ChangeEvidence
        {
            EvidenceUrl = finalUrl,
            Note = string.Create(
                CultureInfo.InvariantCulture,
                $"Source link moved: {url} redirects to {finalUrl} (link check of {checkedAt:yyyy-MM-dd HH:mm} UTC)."),
        };
        var changeIds = new List<int>();
        foreach (var platform in citing)
        {
            var result = await editor.ReplaceSourceUrlAsync(platform.Id, platform.ConcurrencyStamp, url, finalUrl, actor, evidence, cancellationToken);
            switch (result)
            {
                case EditResult.Success success:
                    changeIds.Add(success.ChangeId);
                    break;
                case EditResult.NoChanges:
                    break;
                default:
                    logger.LogWarning("Accepting the redirect of {Url} for {PlatformSlug} was refused: {Result}", url, platform.Slug, result.GetType().Name);
                    return new AcceptRedirectResult.Refused(ChangedMeanwhile);
            }
        }

        return new AcceptRedirectResult.Accepted(url, finalUrl, changeIds);
    }
}

/// <summary>What became of accepting a redirect.</summary>
public abstract record AcceptRedirectResult
{
    private AcceptRedirectResult()
    {
    }

    /// <summary>Saved: one audited change per platform that cited the old URL.</summary>
    public sealed record Accepted(string OldUrl, string NewUrl, IReadOnlyList<int> ChangeIds) : AcceptRedirectResult;

    /// <summary>Not done; <see cref="MessageKey"/> names the reason for the localizer.</summary>
    public sealed record Refused(string MessageKey) : AcceptRedirectResult;
}
