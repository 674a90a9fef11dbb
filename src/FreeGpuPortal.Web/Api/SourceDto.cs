using System.ComponentModel;

namespace FreeGpuPortal.Web.Api;

// The API's JSON shapes. Entities never leave the server: every response is built from these records, so a new
// column in the database is not published until it is added here on purpose. Units sit in the field names.

[Description("A citation: where a value comes from.")]
public sealed record SourceDto(
    [property: Description("Address of the source; null when the source has no address (e.g. printed specifications).")] string? Url,
    [property: Description("Human-readable title of the source.")] string? Title);
