using System.ComponentModel;

namespace FreeGpuPortal.Web.Api;

// The API's JSON shapes. Entities never leave the server: every response is built from these records, so a new
// column in the database is not published until it is added here on purpose. Units sit in the field names.

[Description("Addresses of this view, relative to the site root.")]
public sealed record PlatformListLinksDto(
    [property: Description("This list in the API.")] string Self,
    [property: Description("The same view on the comparison page.")] string Page,
    [property: Description("The same view as CSV.")] string Csv);
