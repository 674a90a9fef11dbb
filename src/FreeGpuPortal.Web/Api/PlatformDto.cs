using System.ComponentModel;
using System.Text.Json.Serialization;

namespace FreeGpuPortal.Web.Api;

// The API's JSON shapes. Entities never leave the server: every response is built from these records, so a new
// column in the database is not published until it is added here on purpose. Units sit in the field names.

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

    [JsonPropertyOrder(2)]
    [Description("JSON Pointers (RFC 6901, relative to this object) of the texts given in the other language because "
        + "the requested one has no translation, e.g. \"/summary\" or \"/features/2/note\"; empty when every text is in "
        + "the requested language.")]
    public IReadOnlyList<string> FallbackTexts { get; init; } = [];
}
