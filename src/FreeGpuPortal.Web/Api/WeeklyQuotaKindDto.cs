using System.ComponentModel;
using System.Text.Json.Serialization;

namespace FreeGpuPortal.Web.Api;

// The API's JSON shapes. Entities never leave the server: every response is built from these records, so a new
// column in the database is not published until it is added here on purpose. Units sit in the field names.

[JsonConverter(typeof(JsonStringEnumConverter<WeeklyQuotaKindDto>))]
[Description("unknown: not stated; limited: a weekly cap in GPU hours (weeklyGpuHours); noQuota: no weekly cap, counts as unlimited.")]
public enum WeeklyQuotaKindDto
{
    [JsonStringEnumMemberName("unknown")] Unknown,
    [JsonStringEnumMemberName("limited")] Limited,
    [JsonStringEnumMemberName("noQuota")] NoQuota,
}
