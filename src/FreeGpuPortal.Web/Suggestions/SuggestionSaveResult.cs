namespace FreeGpuPortal.Web.Suggestions;

// Checking and saving a suggestion: the check, its errors and the save's outcome.

/// <summary>What became of a submitted suggestion. Exactly one of the nested cases.</summary>
public abstract record SuggestionSaveResult
{
    private SuggestionSaveResult()
    {
    }

    /// <summary>Stored as pending (or the same submission was stored earlier today): the outcome link's token.</summary>
    public sealed record Saved(string Token) : SuggestionSaveResult;

    /// <summary>The honeypot was filled: the visitor sees a thank-you, nothing was stored.</summary>
    public sealed record Discarded : SuggestionSaveResult;

    /// <summary>Not stored: the check's errors say why.</summary>
    public sealed record Refused(SuggestionCheck Check) : SuggestionSaveResult;
}

/// <summary>The outcome of checking a suggestion form: its errors in form order, or the field and value it proposes.</summary>
public sealed record SuggestionCheck(IReadOnlyList<SuggestionError> Errors, SuggestableField? Field, ProposedValue? Proposed)
{
    public bool IsValid => Errors.Count == 0 && Field is not null && Proposed is not null;
}

/// <summary>A refused form value: the form field, the resource key of the message and its arguments.</summary>
public sealed record SuggestionError(string Field, string MessageKey, params object[] Arguments);
