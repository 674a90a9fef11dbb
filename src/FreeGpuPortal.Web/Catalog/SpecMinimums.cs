using System.Collections;

namespace FreeGpuPortal.Web.Catalog;

/// <summary>
/// The minimum a query asks of each filterable spec, in the registry's filter order; equal when the same minimums are
/// asked, so two queries of the same view compare equal.
/// </summary>
public sealed class SpecMinimums : IEnumerable<(SpecDefinition Spec, double Minimum)>, IEquatable<SpecMinimums>
{
    private readonly IReadOnlyList<(SpecDefinition Spec, double Minimum)> _items;

    private SpecMinimums(IReadOnlyList<(SpecDefinition Spec, double Minimum)> items) => _items = items;

    public static SpecMinimums None { get; } = new([]);

    /// <summary>The minimums given; a null minimum asks nothing of its spec.</summary>
    public static SpecMinimums Of(params (SpecDefinition Spec, double? Minimum)[] minimums) =>
        minimums.Aggregate(None, (all, m) => all.With(m.Spec, m.Minimum));

    public int Count => _items.Count;

    public double? this[SpecDefinition spec] => _items.FirstOrDefault(i => i.Spec == spec) is { Spec: not null } item ? item.Minimum : null;

    public SpecMinimums With(SpecDefinition spec, double? minimum)
    {
        var others = _items.Where(i => i.Spec != spec);
        var items = minimum is { } value ? others.Append((Spec: spec, Minimum: value)) : others;
        return new([.. items.OrderBy(i => i.Spec.SortRank)]);
    }

    public IEnumerator<(SpecDefinition Spec, double Minimum)> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(SpecMinimums? other) => other is not null && _items.SequenceEqual(other._items);

    public override bool Equals(object? obj) => Equals(obj as SpecMinimums);

    public override int GetHashCode() => _items.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.Spec, item.Minimum));
}
