using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Components.Catalog;

using Microsoft.Extensions.Localization;

namespace FreeGpuPortal.Web.Components.Pages.Compare;

/// <summary>
/// The rows of the compare view. "Better" is decided by the comparison table's own sort rules
/// (<see cref="PlatformQuery.SortValue"/>): more is better, a range counts by its guaranteed end, no weekly quota beats
/// every number. Only stated values compete: unknown is neither better nor worse, so a value against "not stated" alone
/// is not marked. A row where every known value is equal marks nothing.
/// </summary>
public static class ComparisonRows
{
    public static IReadOnlyList<CompareRow> Build(IReadOnlyList<PlatformSummary> platforms, IReadOnlyList<FeatureInfo> features, IStringLocalizer l)
    {
        var rows = new List<CompareRow>
        {
            Numeric("gpuMemory", l["Column.GpuMemory"], SortKey.GpuMemoryGb, platforms, p =>
            {
                var first = p.Gpus.FirstOrDefault();
                var models = string.Join(" / ", p.Gpus.Select(g => g.Name));
                return (SpecText.GpuMemory(p, l) is { } memory ? $"{memory} ({models})" : null, SpecText.Shown(p.GpuAvailabilityNote, p.GpuAvailabilityNoteZh), first?.SourceUrl, first?.SourceTitle, first?.AsOf);
            }),
        };
        foreach (var spec in Specs.All)
        {
            var row = Numeric(spec.Column, l[spec.LabelKey], SortKey.For(spec), platforms, p =>
                (SpecText.Of(spec, p, l), SpecText.NoteOf(spec, p), p[spec].SourceUrl, p[spec].SourceTitle, p[spec].AsOf));
            rows.Add(spec.Display == SpecDisplay.Storage ? Qualified(row, platforms, p => SpecText.QualifierOf(spec, p)) : row);
        }

        foreach (var feature in features)
        {
            var stated = platforms.Select(p => p.Features.FirstOrDefault(f => f.Key == feature.Key)).ToList();
            // "Yes" is better only than a stated "no": a feature not stated is neither better nor worse.
            var yesOverNo = stated.Any(f => f?.Available == true) && stated.Any(f => f?.Available == false);
            var name = SpecText.Shown(feature.Name, feature.NameZh);
            rows.Add(new CompareRow($"feature-{feature.Key}", name?.Text ?? feature.Name, [.. stated.Select(f => new CompareCell(
                f is null ? null : (string)(f.Available ? l["Feature.Yes"] : l["Feature.No"]),
                f is null ? null : SpecText.Shown(f.Note, f.NoteZh), f?.SourceUrl, f?.SourceTitle, f?.AsOf,
                IsBest: yesOverNo && f?.Available == true))], name));
        }

        rows.Add(Numeric("verified", l["Column.LastVerified"], SortKey.LastVerified, platforms, p =>
            (p.LastVerifiedOn is { } date ? SpecText.Date(date) : null, null, null, null, null)));
        return rows;
    }

    /// <summary>The row with each cell's value qualified by a catalog text in brackets.</summary>
    private static CompareRow Qualified(CompareRow row, IReadOnlyList<PlatformSummary> platforms, Func<PlatformSummary, ShownText?> qualifier) =>
        row with { Cells = [.. row.Cells.Select((cell, i) => cell with { Qualifier = qualifier(platforms[i]) })] };

    private static CompareRow Numeric(
        string key,
        string label,
        SortKey sortKey,
        IReadOnlyList<PlatformSummary> platforms,
        Func<PlatformSummary, (string? Text, ShownText? Note, string? SourceUrl, string? SourceTitle, DateOnly? AsOf)> display)
    {
        var rule = new PlatformQuery { Sort = new PlatformSort(sortKey, Descending: false) };
        var values = platforms.Select(rule.SortValue).ToList();
        var known = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        // Only known values compete: a value against "not stated" is not better, as unknown is neither better nor worse.
        var best = known.Distinct().Count() > 1 ? known.Max() : (double?)null;
        return new CompareRow(key, label, [.. platforms.Select((p, i) =>
        {
            var (text, note, url, title, asOf) = display(p);
            return new CompareCell(text, note, url, title, asOf, IsBest: best is not null && values[i] == best);
        })]);
    }
}
