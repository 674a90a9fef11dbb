using FreeGpuPortal.Web.Components.Catalog;
using FreeGpuPortal.Web.Suggestions;

using Microsoft.Extensions.Localization;

namespace FreeGpuPortal.Web.Components.Suggestions;

/// <summary>How a suggested (or current) value reads: "12 h", "1–6 h", "not stated", "no weekly quota".</summary>
public static class SuggestionText
{
    public static string Value(ProposedValue value, SuggestableField field, IStringLocalizer l) => value.Kind switch
    {
        ProposedKind.NoQuota => l["Spec.NoWeeklyQuota"],
        ProposedKind.Unknown => l["Spec.NotStated"],
        _ => SpecText.Range(value.Min, value.Max, l[field.UnitKey]) ?? l["Spec.NotStated"],
    };

    /// <summary>The message of a refused form value; a bound or whole-number message names the field's unit.</summary>
    public static string Message(SuggestionError error, SuggestableField? field, IStringLocalizer l)
    {
        var unit = field is null ? "" : l[field.UnitKey].Value;
        return l[error.MessageKey, [.. error.Arguments, unit]];
    }

    public static string FormFieldId(string field) => $"suggest-{field.ToLowerInvariant()}";
}
