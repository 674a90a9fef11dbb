namespace FreeGpuPortal.Web.Suggestions;

/// <summary>What became of an admin's decision on a suggestion.</summary>
public abstract record SuggestionDecision
{
    private SuggestionDecision()
    {
    }

    public sealed record Done(int SuggestionId) : SuggestionDecision;

    /// <summary>Decided already (a repeated click, or another admin): nothing changed.</summary>
    public sealed record AlreadyDecided(int SuggestionId, SuggestionStatus Status) : SuggestionDecision;

    /// <summary>The input was refused: the resource key of the message.</summary>
    public sealed record Refused(string MessageKey) : SuggestionDecision;

    public sealed record NotFound : SuggestionDecision;
}
