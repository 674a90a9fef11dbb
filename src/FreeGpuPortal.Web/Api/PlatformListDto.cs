using System.ComponentModel;

namespace FreeGpuPortal.Web.Api;

// The API's JSON shapes. Entities never leave the server: every response is built from these records, so a new
// column in the database is not published until it is added here on purpose. Units sit in the field names.

[Description("The platforms matching a query, in the requested order.")]
public sealed record PlatformListDto(
    [property: Description("The query in canonical form (\"\" for the default view), as the comparison page writes it.")] string Query,
    [property: Description("Number of platforms returned.")] int Count,
    IReadOnlyList<PlatformDto> Platforms,
    PlatformListLinksDto Links);
