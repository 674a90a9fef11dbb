using System.ComponentModel;

namespace FreeGpuPortal.Web.Api;

// The API's JSON shapes. Entities never leave the server: every response is built from these records, so a new
// column in the database is not published until it is added here on purpose. Units sit in the field names.

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
    [property: Description("The date the source's facts are as of; null when the source does not say.")] DateOnly? AsOf,
    [property: Description("Slugs of the platforms that may assign this model (any status).")] IReadOnlyList<string> Platforms)
{
    [Description("JSON Pointers (RFC 6901, relative to this object) of the texts given in the other language because "
        + "the requested one has no translation, e.g. \"/note\"; empty when every text is in the requested language.")]
    public IReadOnlyList<string> FallbackTexts { get; init; } = [];
}
