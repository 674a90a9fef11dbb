using System.ComponentModel;
using System.Text.Json.Serialization;

namespace FreeGpuPortal.Web.Api;

// The API's JSON shapes. Entities never leave the server: every response is built from these records, so a new
// column in the database is not published until it is added here on purpose. Units sit in the field names.
// This file holds the small shared records (sources, spec ranges, features, GPU options, links, lists); the platform,
// platform detail, GPU model and status shapes have their own files.

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

[JsonConverter(typeof(JsonStringEnumConverter<WeeklyQuotaKindDto>))]
[Description("unknown: not stated; limited: a weekly cap in GPU hours (weeklyGpuHours); noQuota: no weekly cap, counts as unlimited.")]
public enum WeeklyQuotaKindDto
{
    [JsonStringEnumMemberName("unknown")] Unknown,
    [JsonStringEnumMemberName("limited")] Limited,
    [JsonStringEnumMemberName("noQuota")] NoQuota,
}

[Description("A feature the platform is stated to offer (available: true) or stated not to offer (available: false). "
    + "A feature that is not listed is unknown.")]
public sealed record FeatureDto(
    [property: Description("Feature key, as used by the features filter.")] string Key,
    string Name,
    bool Available,
    string? Note,
    SourceDto? Source,
    DateOnly? AsOf);

[Description("A GPU model the platform may assign to a session.")]
public sealed record GpuOptionDto(
    [property: Description("GPU model slug, as listed by /api/v1/gpu-models.")] string Slug,
    string Name,
    [property: Description("Memory per GPU in GB; null when unknown.")] double? MemoryGb,
    [property: Description("GPUs per session; null when unknown.")] int? GpusPerSession,
    [property: Description("An observation about this option.")] string? Note,
    SourceDto? Source,
    DateOnly? AsOf);

[Description("A reference about the platform as a whole.")]
public sealed record PlatformSourceDto(
    string Url,
    string Title,
    [property: Description("When the reference was read (ISO date); null when not recorded.")] DateOnly? AccessedOn);

[Description("Related addresses, relative to the site root.")]
public sealed record PlatformLinksDto(
    [property: Description("This platform in the API.")] string Self,
    [property: Description("The platform's page for people.")] string Page,
    [property: Description("Where a renamed platform lives now; null otherwise.")] string? Successor);

[Description("The platforms matching a query, in the requested order.")]
public sealed record PlatformListDto(
    [property: Description("The query in canonical form (\"\" for the default view), as the comparison page writes it.")] string Query,
    [property: Description("Number of platforms returned.")] int Count,
    IReadOnlyList<PlatformDto> Platforms,
    PlatformListLinksDto Links);

[Description("Addresses of this view, relative to the site root.")]
public sealed record PlatformListLinksDto(
    [property: Description("This list in the API.")] string Self,
    [property: Description("The same view on the comparison page.")] string Page,
    [property: Description("The same view as CSV.")] string Csv);

[Description("Every GPU model in the catalog, by name.")]
public sealed record GpuModelListDto(int Count, IReadOnlyList<GpuModelDto> GpuModels);
