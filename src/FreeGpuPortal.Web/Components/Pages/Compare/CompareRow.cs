using FreeGpuPortal.Web.Catalog;

namespace FreeGpuPortal.Web.Components.Pages.Compare;

/// <param name="LabelText">A label that is a catalog text (a feature's name), so a fallback can be marked; else null.</param>
public sealed record CompareRow(string Key, string Label, IReadOnlyList<CompareCell> Cells, ShownText? LabelText = null)
{
    /// <summary>Every platform reads the same here (unknowns included), so "differences only" hides the row.</summary>
    public bool AllSame => Cells.Select(c => (c.Text, c.Qualifier?.Text)).Distinct().Count() <= 1;
}
