namespace FreeGpuPortal.Web.Suggestions;

/// <summary>
/// What the suggestion form binds. The numbers arrive as text and are parsed by <see cref="SuggestionRules"/>, so
/// "abc" or "12 h" gets a message of its own and stays in the field as typed.
/// </summary>
public sealed class SuggestionForm
{
    public const string ValueKind = "value";
    public const string UnknownKind = "unknown";
    public const string NoQuotaKind = "no-quota";

    /// <summary>The value's key (<see cref="SuggestableField.Key"/>).</summary>
    public string? Field { get; set; }

    /// <summary><see cref="ValueKind"/>, <see cref="UnknownKind"/> or <see cref="NoQuotaKind"/>.</summary>
    public string? Kind { get; set; } = ValueKind;

    /// <summary>The value, or the low end of a range.</summary>
    public string? From { get; set; }

    /// <summary>The high end of a range; empty for a single value.</summary>
    public string? To { get; set; }

    public string? EvidenceUrl { get; set; }
    public string? Note { get; set; }

    /// <summary>The honeypot: hidden from people, filled in by bots. A filled one "succeeds" and stores nothing.</summary>
    public string? Website { get; set; }
}
