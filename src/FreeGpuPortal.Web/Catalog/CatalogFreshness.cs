using Microsoft.Extensions.Options;

namespace FreeGpuPortal.Web.Catalog;

// How fresh the catalog's values are: the count, its result and its configuration.

/// <summary>How old a value is, as pages say it: its as-of date, or undated, and whether it may be out of date.</summary>
public sealed class CatalogFreshness(TimeProvider clock, IOptions<CatalogOptions> options)
{
    public int StaleAfterDays => Math.Max(1, options.Value.StaleAfterDays);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>True for a value with no as-of date, or one older than <see cref="StaleAfterDays"/>.</summary>
    public bool MayBeOutOfDate(DateOnly? asOf) => asOf is not { } date || date.AddDays(StaleAfterDays) < Today;

    /// <summary>Where the catalog's values come from and how old they are, over the platforms shown.</summary>
    public CatalogAge AgeOf(IEnumerable<PlatformSummary> platforms)
    {
        var values = platforms.SelectMany(Citations).ToList();
        var mostCited = values
            .Where(v => v.Title is not null || v.Url is not null)
            .GroupBy(v => (v.Url, v.Title))
            .OrderByDescending(g => g.Count())
            .FirstOrDefault();
        var dated = values.Where(v => v.AsOf is not null).Select(v => v.AsOf!.Value).ToList();
        return new CatalogAge(
            values.Count,
            mostCited?.Count() ?? 0,
            mostCited?.Key.Title ?? mostCited?.Key.Url,
            mostCited?.Key.Url,
            values.Count(v => v.AsOf is null),
            dated.Count,
            dated.Count == 0 ? null : dated.Max(),
            values.Count(v => MayBeOutOfDate(v.AsOf)));
    }

    private sealed record Citation(string? Url, string? Title, DateOnly? AsOf);

    /// <summary>Every stated value of a platform that carries a citation: known spec values, GPU options, stated features.</summary>
    private static IEnumerable<Citation> Citations(PlatformSummary platform)
    {
        foreach (var spec in Specs.All.Where(s => s.IsStated(platform)))
        {
            var value = platform[spec];
            yield return new Citation(value.SourceUrl, value.SourceTitle, value.AsOf);
        }

        foreach (var gpu in platform.Gpus)
        {
            yield return new Citation(gpu.SourceUrl, gpu.SourceTitle, gpu.AsOf);
        }

        foreach (var feature in platform.Features)
        {
            yield return new Citation(feature.SourceUrl, feature.SourceTitle, feature.AsOf);
        }
    }
}

/// <summary>The <c>Catalog</c> configuration section.</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    /// <summary>A value whose as-of date is older than this many days, or that has none, "may be out of date".</summary>
    public int StaleAfterDays { get; set; } = 180;
}

/// <summary>
/// The catalog's age in numbers: how many values, how many cite the most cited source (its title and URL), how many
/// are undated, how many carry a date and the newest of those dates, and how many may be out of date.
/// </summary>
public sealed record CatalogAge(
    int Values, int FromMainSource, string? MainSourceTitle, string? MainSourceUrl, int Undated, int Dated, DateOnly? NewestAsOf, int MayBeOutOfDate);
