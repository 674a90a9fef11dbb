using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FreeGpuPortal.Web.Data.Configurations;

/// <summary>
/// Every time is written in UTC and read back marked as UTC: SQLite keeps no time zone, and PostgreSQL's
/// <c>timestamp with time zone</c> accepts only UTC values.
/// </summary>
public static class UtcConverters
{
    public static ValueConverter<DateTime, DateTime> Required { get; } = new(
        value => value.ToUniversalTime(),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static ValueConverter<DateTime?, DateTime?> Optional { get; } = new(
        value => value.HasValue ? value.Value.ToUniversalTime() : null,
        value => value.HasValue ? DateTime.SpecifyKind(value.Value, DateTimeKind.Utc) : null);
}
