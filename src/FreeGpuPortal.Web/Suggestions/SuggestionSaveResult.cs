namespace FreeGpuPortal.Web.Suggestions;

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
