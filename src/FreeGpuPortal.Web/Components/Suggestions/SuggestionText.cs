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

    /// <summary>
    /// What an accepted suggestion did, as one sentence: "Weekly GPU quota changed from 30–41 h to 30 h.", or, when
    /// the platform already held the value (accepted with no history entry, or an older change that left the value as
    /// it was), that nothing needed to change. Null when the accepting save did not touch the value.
    /// </summary>
    public static string? AcceptedSentence(SuggestionOutcome outcome, IStringLocalizer l)
    {
        var label = l[outcome.Field.LabelKey].Value;
        return outcome.Accepted switch
        {
            null => l["Suggestion.Accepted.Held", label, Value(outcome.Proposed, outcome.Field, l)].Value,
            { New: { } now, Old: var old } when old == now => l["Suggestion.Accepted.Held", label, Value(now, outcome.Field, l)].Value,
            { New: { } now, Old: var old } => l["Suggestion.Accepted.Change", label,
                old is null ? l["Spec.NotStated"].Value : Value(old, outcome.Field, l), Value(now, outcome.Field, l)].Value,
            _ => null,
        };
    }

    /// <summary>The message of a refused form value; a bound or whole-number message names the field's unit.</summary>
    public static string Message(SuggestionError error, SuggestableField? field, IStringLocalizer l)
    {
        var unit = field is null ? "" : l[field.UnitKey].Value;
        return l[error.MessageKey, [.. error.Arguments, unit]];
    }

    public static string FormFieldId(string field) => $"suggest-{field.ToLowerInvariant()}";
}
