using System.ComponentModel;

namespace FreeGpuPortal.Web.Api;

// The API's JSON shapes. Entities never leave the server: every response is built from these records, so a new
// column in the database is not published until it is added here on purpose. Units sit in the field names.

[Description("A reference about the platform as a whole.")]
public sealed record PlatformSourceDto(
    string Url,
    string Title,
    [property: Description("When the reference was read (ISO date); null when not recorded.")] DateOnly? AccessedOn);
