using FreeGpuPortal.Web.Catalog;

using Microsoft.Extensions.Localization;

namespace FreeGpuPortal.Web.Components.Catalog;

/// <summary>One value as <see cref="SourcedValue"/> shows it: its text, its note and qualifier, and its provenance.</summary>
public sealed record SourcedValueParts(string TipId)
{
    public string? Text { get; init; }

    /// <summary>The value as a catalog text instead of <see cref="Text"/> (a feature's name): a fallback carries its language, its marker in the popover.</summary>
    public ShownText? ShownValue { get; init; }

    public ShownText? Note { get; init; }

    /// <summary>A catalog text shown in brackets after the value ("15 GB (Google Drive)"); its fallback marker sits in the popover.</summary>
    public ShownText? Qualifier { get; init; }

    public string? SourceUrl { get; init; }

    public string? SourceTitle { get; init; }

    public DateOnly? AsOf { get; init; }

    /// <summary>Whether to show the value's age beside it (false for cells that are not cited values).</summary>
    public bool ShowAge { get; init; } = true;

    /// <summary>Where a visitor suggests a correction of this value (<c>platforms/{slug}/suggest?field=…</c>); none when null.</summary>
    public string? SuggestHref { get; init; }

    /// <summary>The text of <see cref="ShownValue"/> where one is given, and note and provenance from <paramref name="spec"/> where not given.</summary>
    public SourcedValueParts Completed(SpecValue? spec) => this with
    {
        Text = ShownValue?.Text ?? Text,
        Note = Note ?? (spec is null ? null : SpecText.Note(spec)),
        SourceUrl = SourceUrl ?? spec?.SourceUrl,
        SourceTitle = SourceTitle ?? spec?.SourceTitle,
        AsOf = AsOf ?? spec?.AsOf,
    };
}

/// <summary>
/// What all values on a page share: its language's texts, the age past which a value may be out of date, the links the
/// checker found broken, and the cited documents' Chinese titles.
/// </summary>
public sealed record SourcedValueContext(
    IStringLocalizer L, CatalogFreshness Freshness, IReadOnlyDictionary<string, DateTime> BrokenLinks, SourceTitles? SourceTitles)
{
    public DateTime? BrokenSince(string? url) => url is not null && BrokenLinks.TryGetValue(url, out var since) ? since : null;
}
