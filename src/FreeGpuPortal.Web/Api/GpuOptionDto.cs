using System.ComponentModel;

namespace FreeGpuPortal.Web.Api;

// The API's JSON shapes. Entities never leave the server: every response is built from these records, so a new
// column in the database is not published until it is added here on purpose. Units sit in the field names.

[Description("A GPU model the platform may assign to a session.")]
public sealed record GpuOptionDto(
    [property: Description("GPU model slug, as listed by /api/v1/gpu-models.")] string Slug,
    string Name,
    [property: Description("Memory per GPU in GB; null when unknown.")] double? MemoryGb,
    [property: Description("GPUs per session; null when unknown.")] int? GpusPerSession,
    [property: Description("An observation about this option.")] string? Note,
    SourceDto? Source,
    DateOnly? AsOf);
