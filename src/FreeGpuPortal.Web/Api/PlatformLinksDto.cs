using System.ComponentModel;

namespace FreeGpuPortal.Web.Api;

// The API's JSON shapes. Entities never leave the server: every response is built from these records, so a new
// column in the database is not published until it is added here on purpose. Units sit in the field names.

[Description("Related addresses, relative to the site root.")]
public sealed record PlatformLinksDto(
    [property: Description("This platform in the API.")] string Self,
    [property: Description("The platform's page for people.")] string Page,
    [property: Description("Where a renamed platform lives now; null otherwise.")] string? Successor);
