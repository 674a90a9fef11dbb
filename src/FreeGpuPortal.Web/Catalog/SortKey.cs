namespace FreeGpuPortal.Web.Catalog;

/// <summary>
/// A column the table can be sorted by: the name, GPU memory, the last confirmation, or one of the registry's
/// <see cref="Specs"/>. <see cref="Name"/> is its <c>sort=</c> key, part of the URL contract.
/// </summary>
public sealed class SortKey
{
    private SortKey(string name, SpecDefinition? spec)
    {
        Name = name;
        Spec = spec;
    }

    public string Name { get; }

    /// <summary>The spec value it sorts by; null for the name, GPU memory and the last confirmation.</summary>
    public SpecDefinition? Spec { get; }

    public static SortKey ByName { get; } = new("name", null);

    public static SortKey GpuMemoryGb { get; } = new("gpuMemoryGb", null);

    public static SortKey LastVerified { get; } = new("lastVerified", null);

    private static readonly Dictionary<SpecDefinition, SortKey> s_bySpec = Specs.All.ToDictionary(s => s, s => new SortKey(s.SortName, s));

    /// <summary>Every sort key in the order the API documents them.</summary>
    public static IReadOnlyList<SortKey> All { get; } =
        [ByName, GpuMemoryGb, .. Specs.All.OrderBy(s => s.SortRank).Select(s => s_bySpec[s]), LastVerified];

    /// <summary>The key named <paramref name="name"/> (in any case), or null when there is none.</summary>
    public static SortKey? Find(string name) => All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The key that sorts by <paramref name="spec"/>.</summary>
    public static SortKey For(SpecDefinition spec) => s_bySpec[spec];

    public override string ToString() => Name;
}
