namespace FreeGpuPortal.Web.Catalog;

/// <summary>A list of catalog texts (pros, cons, steps) in one language, and whether it is the other language's list.</summary>
public sealed record ShownList(IReadOnlyList<string> Items, string Language, bool IsFallback)
{
    public static ShownList Empty(string language) => new([], language, false);
}
