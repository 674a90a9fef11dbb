using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace FreeGpuPortal.Web.Api;

// The API's JSON shapes. Entities never leave the server: every response is built from these records, so a new
// column in the database is not published until it is added here on purpose. Units sit in the field names.

[JsonConverter(typeof(JsonStringEnumConverter<PlatformStatusDto>))]
[Description("active: running as described; changed: running, free tier reduced; discontinued; renamed (see renamedTo).")]
public enum PlatformStatusDto
{
    [JsonStringEnumMemberName("active")] Active,
    [JsonStringEnumMemberName("changed")] Changed,
    [JsonStringEnumMemberName("discontinued")] Discontinued,
    [JsonStringEnumMemberName("renamed")] Renamed,
}

[JsonConverter(typeof(JsonStringEnumConverter<WeeklyQuotaKindDto>))]
[Description("unknown: not stated; limited: a weekly cap in GPU hours (weeklyGpuHours); noQuota: no weekly cap, counts as unlimited.")]
public enum WeeklyQuotaKindDto
{
    [JsonStringEnumMemberName("unknown")] Unknown,
    [JsonStringEnumMemberName("limited")] Limited,
    [JsonStringEnumMemberName("noQuota")] NoQuota,
}

[Description("A citation: where a value comes from.")]
public sealed record SourceDto(
    [property: Description("Address of the source; null when the source has no address (e.g. printed specifications).")] string? Url,
    [property: Description("Human-readable title of the source.")] string? Title);

[Description("A typed spec value in the unit its field name states. A single value has min = max; a value that varies "
    + "is a range; min and max both null means unknown (not stated).")]
public sealed record SpecRangeDto(
    [property: Description("The guaranteed end (filters and sorting compare by it); null when unknown.")] double? Min,
    [property: Description("The most a user may get; null when unknown.")] double? Max,
    [property: Description("Words that qualify the number, e.g. \"about\", \"in interactive GPU mode\".")] string? Note,
    [property: Description("Where the value comes from; null when no source is cited.")] SourceDto? Source,
    [property: Description("When the value was true or last verified (ISO date); null when the source is undated.")] DateOnly? AsOf);

[Description("A GPU model the platform may assign to a session.")]
public sealed record GpuOptionDto(
    [property: Description("GPU model slug, as listed by /api/v1/gpu-models.")] string Slug,
    string Name,
    [property: Description("Memory per GPU in GB; null when unknown.")] double? MemoryGb,
    [property: Description("GPUs per session; null when unknown.")] int? GpusPerSession,
    [property: Description("An observation about this option.")] string? Note,
    SourceDto? Source,
    DateOnly? AsOf);

[Description("A feature the platform is stated to offer (available: true) or stated not to offer (available: false). "
    + "A feature that is not listed is unknown.")]
public sealed record FeatureDto(
    [property: Description("Feature key, as used by the features filter.")] string Key,
    string Name,
    bool Available,
    string? Note,
    SourceDto? Source,
    DateOnly? AsOf);

[Description("Related addresses, relative to the site root.")]
public sealed record PlatformLinksDto(
    [property: Description("This platform in the API.")] string Self,
    [property: Description("The platform's page for people.")] string Page,
    [property: Description("Where a renamed platform lives now; null otherwise.")] string? Successor);

[Description("A platform as the comparison table shows it.")]
public record PlatformDto
{
    [Description("Stable identifier, part of the public URL.")]
    public required string Slug { get; init; }

    public required string Name { get; init; }

    public required string? Vendor { get; init; }

    public required PlatformStatusDto Status { get; init; }

    [Description("For a renamed platform, the slug or address of its successor; null otherwise.")]
    public required string? RenamedTo { get; init; }

    [Description("GPU memory per GPU in GB across the GPUs the platform may assign: min is guaranteed (every GPU has "
        + "it; null when any option's memory is unknown), max is possible. The note says how GPUs are assigned.")]
    public required SpecRangeDto GpuMemoryGb { get; init; }

    [Description("The GPU models the platform may assign, most memory first.")]
    public required IReadOnlyList<GpuOptionDto> GpuOptions { get; init; }

    [Description("Number of CPUs (logical cores) per session.")]
    public required SpecRangeDto CpuCount { get; init; }

    public required string? CpuModel { get; init; }

    [Description("RAM per session in GB.")]
    public required SpecRangeDto RamGb { get; init; }

    [Description("Storage per session in GB.")]
    public required SpecRangeDto StorageGb { get; init; }

    [Description("What the storage is, e.g. \"Google Drive\".")]
    public required string? StorageNote { get; init; }

    [Description("Maximum execution time of one session in hours.")]
    public required SpecRangeDto MaxSessionHours { get; init; }

    [Description("How long an idle session is kept, in minutes.")]
    public required SpecRangeDto IdleTimeoutMinutes { get; init; }

    public required WeeklyQuotaKindDto WeeklyQuotaKind { get; init; }

    [Description("Weekly GPU hours when weeklyQuotaKind is limited; for noQuota it holds only the citation.")]
    public required SpecRangeDto WeeklyGpuHours { get; init; }

    [Description("When the weekly quota resets, in words.")]
    public required string? WeeklyQuotaResetRule { get; init; }

    [Description("Features stated as offered or not offered.")]
    public required IReadOnlyList<FeatureDto> Features { get; init; }

    [Description("When an admin last confirmed the platform's specs (ISO date); null when never.")]
    public required DateOnly? LastVerified { get; init; }

    public required PlatformLinksDto Links { get; init; }
}

[Description("A reference about the platform as a whole.")]
public sealed record PlatformSourceDto(
    string Url,
    string Title,
    [property: Description("When the reference was read (ISO date); null when not recorded.")] DateOnly? AccessedOn);

[Description("Everything about one platform: the table's values plus summary, pros, cons, how to start and sources.")]
public sealed record PlatformDetailDto : PlatformDto
{
    [SetsRequiredMembers]
    public PlatformDetailDto(
        PlatformDto platform, string? summary, string? website, IReadOnlyList<string> pros, IReadOnlyList<string> cons,
        IReadOnlyList<string> gettingStarted, IReadOnlyList<PlatformSourceDto> sources)
        : base(platform)
    {
        Summary = summary;
        Website = website;
        Pros = pros;
        Cons = cons;
        GettingStarted = gettingStarted;
        Sources = sources;
    }

    [JsonPropertyOrder(1)]
    public required string? Summary { get; init; }

    [JsonPropertyOrder(1)]
    public required string? Website { get; init; }

    [JsonPropertyOrder(1)]
    public required IReadOnlyList<string> Pros { get; init; }

    [JsonPropertyOrder(1)]
    public required IReadOnlyList<string> Cons { get; init; }

    [JsonPropertyOrder(1)]
    [Description("Steps to get a GPU session, in order.")]
    public required IReadOnlyList<string> GettingStarted { get; init; }

    [JsonPropertyOrder(1)]
    public required IReadOnlyList<PlatformSourceDto> Sources { get; init; }
}

[Description("Addresses of this view, relative to the site root.")]
public sealed record PlatformListLinksDto(
    [property: Description("This list in the API.")] string Self,
    [property: Description("The same view on the comparison page.")] string Page,
    [property: Description("The same view as CSV.")] string Csv);

[Description("The platforms matching a query, in the requested order.")]
public sealed record PlatformListDto(
    [property: Description("The query in canonical form (\"\" for the default view), as the comparison page writes it.")] string Query,
    [property: Description("Number of platforms returned.")] int Count,
    IReadOnlyList<PlatformDto> Platforms,
    PlatformListLinksDto Links);

[Description("Reference facts about a GPU model.")]
public sealed record GpuModelDto(
    string Slug,
    string Name,
    string? Vendor,
    string? Architecture,
    [property: Description("Memory per GPU in GB; null when unknown.")] double? MemoryGb,
    string? MemoryType,
    string? Note,
    SourceDto? Source,
    [property: Description("Slugs of the platforms that may assign this model (any status).")] IReadOnlyList<string> Platforms);

[Description("Every GPU model in the catalog, by name.")]
public sealed record GpuModelListDto(int Count, IReadOnlyList<GpuModelDto> GpuModels);
