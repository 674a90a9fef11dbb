namespace FreeGpuPortal.Web.Catalog;

// What the query parser tells about a parameter it ignored, and why.

/// <summary>
/// A parameter value that was ignored, and why. <see cref="Value"/> is the raw text from the URL, cut short so a
/// 10 KB value cannot flood the page; it must only ever be rendered as text.
/// </summary>
public sealed record QueryNotice(string Parameter, string Value, QueryProblem Problem)
{
    public const int MaxShownValueLength = 40;

    public static QueryNotice For(string parameter, string? rawValue, QueryProblem problem)
    {
        var value = rawValue ?? "";
        if (value.Length > MaxShownValueLength)
        {
            // Never cut a surrogate pair in half: the notice is shown as HTML and will be serialized as JSON.
            var cut = char.IsHighSurrogate(value[MaxShownValueLength - 1]) ? MaxShownValueLength - 1 : MaxShownValueLength;
            value = string.Concat(value.AsSpan(0, cut), "…");
        }

        return new QueryNotice(parameter, value, problem);
    }
}

public enum QueryProblem
{
    NotANumber,
    NotFinite,
    Negative,
    TooLong,
    UnknownValue,
    UnknownSortKey,
    UnknownFeature,
    Repeated,
}
