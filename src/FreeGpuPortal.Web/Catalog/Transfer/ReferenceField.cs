namespace FreeGpuPortal.Web.Catalog.Transfer;

// The features' and GPU models' fields an import compares, their tables and the changes found.

/// <summary>
/// One property of one feature or GPU model, as history names it: <c>Feature:free-storage.NameZh</c>,
/// <c>GpuModel:tesla-t4.Note</c>. The names cannot be taken for a platform field's (those have no colon).
/// </summary>
public sealed record ReferenceField(ReferenceTable Table, string Key, string Property)
{
    private static readonly Dictionary<string, string> s_propertyLabels = new(StringComparer.Ordinal)
    {
        [nameof(FeatureEntry.Name)] = "name",
        [nameof(FeatureEntry.NameZh)] = "name (Chinese)",
        [nameof(FeatureEntry.Description)] = "description",
        [nameof(FeatureEntry.DescriptionZh)] = "description (Chinese)",
        [nameof(GpuModelEntry.Vendor)] = "vendor",
        [nameof(GpuModelEntry.Architecture)] = "architecture",
        [nameof(GpuModelEntry.MemoryGb)] = "memory (GB)",
        [nameof(GpuModelEntry.MemoryType)] = "memory type",
        [nameof(GpuModelEntry.Note)] = "note",
        [nameof(GpuModelEntry.NoteZh)] = "note (Chinese)",
        [nameof(GpuModelEntry.SourceUrl)] = "source address",
        [nameof(GpuModelEntry.SourceTitle)] = "source title",
        [nameof(GpuModelEntry.SourceTitleZh)] = "source title (Chinese)",
        [nameof(GpuModelEntry.SourceAsOf)] = "source as of",
    };

    public string Name => $"{Table}:{Key}.{Property}";

    /// <summary>Every property history may name, as stored in <see cref="Property"/>.</summary>
    public static IReadOnlyCollection<string> KnownProperties => s_propertyLabels.Keys;

    /// <summary>The resource key of the property's label on the history pages.</summary>
    public string PropertyLabelKey => $"History.Reference.Property.{Property}";

    /// <summary>The label history keeps with the change, in English like the platform fields' labels.</summary>
    public string Label => $"{(Table == ReferenceTable.Feature ? "Feature" : "GPU model")} {Key}: {s_propertyLabels.GetValueOrDefault(Property, Property)}";

    /// <summary>The field a history name stands for; null for a platform field or a name this version does not know.</summary>
    public static ReferenceField? Parse(string name)
    {
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        var dot = name.LastIndexOf('.');
        if (colon <= 0 || dot <= colon + 1 || !Enum.TryParse<ReferenceTable>(name[..colon], out var table)
            || !s_propertyLabels.ContainsKey(name[(dot + 1)..]))
        {
            return null;
        }

        return new ReferenceField(table, name[(colon + 1)..dot], name[(dot + 1)..]);
    }
}

/// <summary>The reference lists every platform shares: features and GPU models.</summary>
public enum ReferenceTable
{
    Feature,
    GpuModel,
}

/// <summary>One property of a feature or GPU model an import changes: typed JSON for history, and text for people.</summary>
public sealed record ReferenceChange(ReferenceField Field, string? OldJson, string? NewJson, string OldDisplay, string NewDisplay)
{
    public FieldDifference ToDifference() => new(Field.Name, Field.Label, OldDisplay, NewDisplay, OldJson, NewJson);
}
