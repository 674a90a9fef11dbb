using System.ComponentModel;
using System.Text.Json.Serialization;

namespace FreeGpuPortal.Web.Api;

// The API's JSON shapes. Entities never leave the server: every response is built from these records, so a new
// column in the database is not published until it is added here on purpose. Units sit in the field names.

[JsonConverter(typeof(JsonStringEnumConverter<PlatformStatusDto>))]
[Description("active: running as described; changed: running, free tier reduced; discontinued; renamed (see renamedTo).")]
public enum PlatformStatusDto
{
    [JsonStringEnumMemberName("active")] Active,
    [JsonStringEnumMemberName("changed")] Changed,
    [JsonStringEnumMemberName("discontinued")] Discontinued,
    [JsonStringEnumMemberName("renamed")] Renamed,
}
