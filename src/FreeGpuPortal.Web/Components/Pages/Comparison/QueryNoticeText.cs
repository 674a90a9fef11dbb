using FreeGpuPortal.Web.Catalog;

using Microsoft.Extensions.Localization;

namespace FreeGpuPortal.Web.Components.Pages.Comparison;

/// <summary>
/// A notice about an ignored URL parameter, for a person: the parameter is named by its label on the page
/// ("Min GPU memory (GB) ‘abc’ is not a number"), not by its name in the address.
/// </summary>
public static class QueryNoticeText
{
    private static readonly Dictionary<string, string> LabelKeys = new(
        PlatformQuery.FilterableSpecs.Select(s => KeyValuePair.Create(s.FilterParameter!, s.FilterLabelKey)), StringComparer.OrdinalIgnoreCase)
    {
        [PlatformQuery.TextParameter] = "Filters.Search",
        [PlatformQuery.MinGpuMemoryParameter] = "Filters.MinGpuMemory",
        [PlatformQuery.GpuMemoryModeParameter] = "Filters.GpuMemoryMode",
        [PlatformQuery.FeaturesParameter] = "Filters.Features",
        [PlatformQuery.StatusParameter] = "Notice.Parameter.Status",
        [PlatformQuery.SortParameter] = "Notice.Parameter.Sort",
    };

    public static string Describe(QueryNotice notice, IStringLocalizer l) =>
        l[$"Notice.{notice.Problem}", ParameterLabel(notice.Parameter, l), notice.Value];

    /// <summary>The parameter's label on the page; the raw name only for a parameter the page does not know.</summary>
    public static string ParameterLabel(string parameter, IStringLocalizer l) =>
        LabelKeys.TryGetValue(parameter, out var key) ? l[key] : parameter;
}
