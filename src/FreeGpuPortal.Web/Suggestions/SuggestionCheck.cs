namespace FreeGpuPortal.Web.Suggestions;

/// <summary>The outcome of checking a suggestion form: its errors in form order, or the field and value it proposes.</summary>
public sealed record SuggestionCheck(IReadOnlyList<SuggestionError> Errors, SuggestableField? Field, ProposedValue? Proposed)
{
    public bool IsValid => Errors.Count == 0 && Field is not null && Proposed is not null;
}
