using FreeGpuPortal.Web.Catalog;

namespace FreeGpuPortal.Web.Api;

// The platform list's query parameters as the OpenAPI document and the API page describe them.

/// <summary>
/// The query parameters of <c>/</c>, <c>/api/v1/platforms</c> and <c>/api/v1/platforms.csv</c>: the names come from
/// <see cref="PlatformQuery"/>, so the documentation cannot name a parameter the parser does not read.
/// </summary>
public static class PlatformQueryParameters
{
    public static IReadOnlyList<string> SortValues { get; } =
        [.. SortKey.All.SelectMany(k => new[] { k.Name, "-" + k.Name })];

    public static IReadOnlyList<ApiParameterDoc> All { get; } =
    [
        new(PlatformQuery.TextParameter, ApiParameterKind.Text,
            $"Free text over name, vendor and GPU models; every word must match (case-insensitive). At most {PlatformQueryParser.MaxTextLength} characters.",
            "t4", []),
        new(PlatformQuery.MinGpuMemoryParameter, ApiParameterKind.Number,
            "At least this much memory per GPU, in GB. Which GPU counts is set by gpuMemory. A platform whose GPU memory is unknown never matches.",
            "12", []),
        new(PlatformQuery.GpuMemoryModeParameter, ApiParameterKind.Choice,
            "guaranteed: every GPU the platform may assign has the memory (filter and sort use the minimum); possible: at least one does (they use the maximum).",
            "possible", ["guaranteed", "possible"], "guaranteed"),
        .. PlatformQuery.FilterableSpecs.Select(spec => new ApiParameterDoc(
            spec.FilterParameter!, ApiParameterKind.Number, spec.FilterDescription!, spec.FilterExample!, [])),
        new(PlatformQuery.FeaturesParameter, ApiParameterKind.CommaList,
            "Comma-separated feature keys the platform must all offer, e.g. private-notebooks,background-execution,tpu. May also be repeated. Each platform's features list its keys.",
            "private-notebooks,background-execution", []),
        new(PlatformQuery.StatusParameter, ApiParameterKind.Choice,
            "active (default): platforms still running, including those whose free tier changed; all: also discontinued and renamed ones.",
            "all", ["active", "all"], "active"),
        new(PlatformQuery.SortParameter, ApiParameterKind.Choice,
            "Column to sort by, prefixed with - for descending. Ranges sort by their guaranteed end (GPU memory by the maximum with gpuMemory=possible); "
            + "unknown values sort last in both directions; ties go by name.",
            "-gpuMemoryGb", SortValues, "name"),
    ];

    public static IReadOnlySet<string> Names { get; } =
        All.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
}

/// <summary>One query parameter of the platform list, as the OpenAPI document and the API page describe it.</summary>
public sealed record ApiParameterDoc(
    string Name, ApiParameterKind Kind, string Description, string Example, IReadOnlyList<string> Values, string? Default = null);

public enum ApiParameterKind
{
    Text,
    Number,
    Choice,
    CommaList,
}
