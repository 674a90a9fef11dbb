using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.Catalog;

// The platform entity and what it owns alone: its status, its weekly quota kind, its references.

/// <remarks>
/// Every text the catalog holds comes in English and Simplified Chinese: a <c>…Zh</c> property holds the Chinese beside
/// its English one, and <see cref="CatalogTextResolver"/> picks the one to show, falling back to the other language.
/// Product names, slugs, URLs and numbers have one value for both.
/// </remarks>
public sealed class Platform
{
    public int Id { get; set; }

    /// <summary>URL-safe, unique, stable: it is part of the public URL contract.</summary>
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? Vendor { get; set; }
    public string? Summary { get; set; }
    public string? SummaryZh { get; set; }
    public string? Website { get; set; }

    public PlatformStatus Status { get; set; } = PlatformStatus.Active;

    /// <summary>For a renamed platform, the slug or URL of its successor.</summary>
    public string? SuccessorSlug { get; set; }

    public string? GpuAvailabilityNote { get; set; }
    public string? GpuAvailabilityNoteZh { get; set; }

    public SpecValue CpuCount { get; set; } = new();
    public string? CpuModel { get; set; }
    public SpecValue RamGb { get; set; } = new();
    public SpecValue StorageGb { get; set; } = new();
    public string? StorageNote { get; set; }
    public string? StorageNoteZh { get; set; }
    public SpecValue MaxSessionHours { get; set; } = new();
    public SpecValue IdleTimeoutMinutes { get; set; } = new();

    public WeeklyQuotaKind WeeklyQuotaKind { get; set; } = WeeklyQuotaKind.Unknown;
    public SpecValue WeeklyGpuHours { get; set; } = new();
    public string? WeeklyQuotaResetRule { get; set; }
    public string? WeeklyQuotaResetRuleZh { get; set; }

    public List<string> Pros { get; set; } = [];
    public List<string> Cons { get; set; } = [];
    public List<string> GettingStarted { get; set; } = [];

    /// <summary>The Chinese of the lists above, item for item; empty when not translated (pages fall back to English).</summary>
    public List<string> ProsZh { get; set; } = [];
    public List<string> ConsZh { get; set; } = [];
    public List<string> GettingStartedZh { get; set; } = [];

    /// <summary>When an admin last confirmed the platform's specs as a whole; unknown for the seed.</summary>
    public DateOnly? LastVerifiedOn { get; set; }

    /// <summary>Optimistic concurrency: replaced on every save, so a stale edit is refused.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<PlatformGpu> Gpus { get; set; } = [];
    public List<PlatformFeature> Features { get; set; } = [];
    public List<PlatformSource> Sources { get; set; } = [];
}

/// <summary>The one way to load platforms with everything a page, the API, the editor or the history needs of them.</summary>
public static class WholePlatforms
{
    /// <summary>
    /// Each platform with its GPU options and their models, its features and their definitions, and its sources; in
    /// split queries, so the three collections are not multiplied into one another.
    /// </summary>
    public static IQueryable<Platform> Whole(this IQueryable<Platform> platforms) =>
        platforms.WithGpusAndFeatures().Include(p => p.Sources);

    /// <summary>
    /// Each platform with its GPU options and their models and its features and their definitions, in split queries:
    /// what the comparison table shows of it (<see cref="CatalogReader"/>), without the source list only its page needs.
    /// </summary>
    public static IQueryable<Platform> WithGpusAndFeatures(this IQueryable<Platform> platforms) => platforms
        .AsSplitQuery()
        .Include(p => p.Gpus).ThenInclude(g => g.GpuModel)
        .Include(p => p.Features).ThenInclude(f => f.Feature);
}

public enum PlatformStatus
{
    Active,
    /// <summary>Still running, but the free tier was reduced.</summary>
    Changed,
    Discontinued,
    Renamed,
}

public static class PlatformStatusExtensions
{
    public static bool IsRetired(this PlatformStatus status) =>
        status is PlatformStatus.Discontinued or PlatformStatus.Renamed;
}

public enum WeeklyQuotaKind
{
    Unknown,
    /// <summary>A weekly cap in GPU hours (see <see cref="Platform.WeeklyGpuHours"/>).</summary>
    Limited,
    /// <summary>No weekly cap: counts as unlimited when filtering and sorting.</summary>
    NoQuota,
}

/// <summary>A reference about the platform as a whole (pricing page, FAQ, the article).</summary>
public sealed class PlatformSource
{
    public int Id { get; set; }
    public int PlatformId { get; set; }
    public required string Url { get; set; }
    public required string Title { get; set; }

    /// <summary>The title in Chinese, where a translation helps the reader; else the title shows as it is.</summary>
    public string? TitleZh { get; set; }
    public DateOnly? AccessedOn { get; set; }
}
