using System.ComponentModel;

namespace FreeGpuPortal.Web.Api;

// The API's JSON shapes. Entities never leave the server: every response is built from these records, so a new
// column in the database is not published until it is added here on purpose. Units sit in the field names.

[Description("A typed spec value in the unit its field name states. A single value has min = max; a value that varies "
    + "is a range; min and max both null means unknown (not stated).")]
public sealed record SpecRangeDto(
    [property: Description("The guaranteed end (filters and sorting compare by it); null when unknown.")] double? Min,
    [property: Description("The most a user may get; null when unknown.")] double? Max,
    [property: Description("Words that qualify the number, e.g. \"about\", \"in interactive GPU mode\".")] string? Note,
    [property: Description("Where the value comes from; null when no source is cited.")] SourceDto? Source,
    [property: Description("When the value was true or last verified (ISO date); null when the source is undated.")] DateOnly? AsOf);
