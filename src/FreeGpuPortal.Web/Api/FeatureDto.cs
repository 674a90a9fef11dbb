using System.ComponentModel;

namespace FreeGpuPortal.Web.Api;

// The API's JSON shapes. Entities never leave the server: every response is built from these records, so a new
// column in the database is not published until it is added here on purpose. Units sit in the field names.

[Description("A feature the platform is stated to offer (available: true) or stated not to offer (available: false). "
    + "A feature that is not listed is unknown.")]
public sealed record FeatureDto(
    [property: Description("Feature key, as used by the features filter.")] string Key,
    string Name,
    bool Available,
    string? Note,
    SourceDto? Source,
    DateOnly? AsOf);
