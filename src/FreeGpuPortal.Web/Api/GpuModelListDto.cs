using System.ComponentModel;

namespace FreeGpuPortal.Web.Api;

// The API's JSON shapes. Entities never leave the server: every response is built from these records, so a new
// column in the database is not published until it is added here on purpose. Units sit in the field names.

[Description("Every GPU model in the catalog, by name.")]
public sealed record GpuModelListDto(int Count, IReadOnlyList<GpuModelDto> GpuModels);
