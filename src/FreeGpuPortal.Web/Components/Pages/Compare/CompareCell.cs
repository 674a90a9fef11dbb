using FreeGpuPortal.Web.Catalog;

namespace FreeGpuPortal.Web.Components.Pages.Compare;

/// <summary>One value of one platform in the compare view, with what its tooltip cites.</summary>
public sealed record CompareCell(string? Text, ShownText? Note, string? SourceUrl, string? SourceTitle, DateOnly? AsOf, bool IsBest)
{
    /// <summary>A catalog text shown in brackets after the value, "15 GB (Google Drive)".</summary>
    public ShownText? Qualifier { get; init; }

    /// <summary>The text a fallback marker beside the cell stands for: the qualifier's when it is one, else the note's.</summary>
    public ShownText? MarkedFallback => Qualifier is { IsFallback: true } ? Qualifier : Note;
}
