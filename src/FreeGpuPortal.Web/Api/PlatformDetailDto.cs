using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace FreeGpuPortal.Web.Api;

// The API's JSON shapes. Entities never leave the server: every response is built from these records, so a new
// column in the database is not published until it is added here on purpose. Units sit in the field names.

[Description("Everything about one platform: the table's values plus summary, pros, cons, how to start and sources.")]
public sealed record PlatformDetailDto : PlatformDto
{
    [SetsRequiredMembers]
    public PlatformDetailDto(
        PlatformDto platform, string? summary, string? website, IReadOnlyList<string> pros, IReadOnlyList<string> cons,
        IReadOnlyList<string> gettingStarted, IReadOnlyList<PlatformSourceDto> sources)
        : base(platform)
    {
        Summary = summary;
        Website = website;
        Pros = pros;
        Cons = cons;
        GettingStarted = gettingStarted;
        Sources = sources;
    }

    [JsonPropertyOrder(1)]
    public required string? Summary { get; init; }

    [JsonPropertyOrder(1)]
    public required string? Website { get; init; }

    [JsonPropertyOrder(1)]
    public required IReadOnlyList<string> Pros { get; init; }

    [JsonPropertyOrder(1)]
    public required IReadOnlyList<string> Cons { get; init; }

    [JsonPropertyOrder(1)]
    [Description("Steps to get a GPU session, in order.")]
    public required IReadOnlyList<string> GettingStarted { get; init; }

    [JsonPropertyOrder(1)]
    public required IReadOnlyList<PlatformSourceDto> Sources { get; init; }
}
