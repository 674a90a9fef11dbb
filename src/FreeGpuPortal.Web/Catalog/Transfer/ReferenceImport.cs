using System.Globalization;
using System.Text.Json;

using FreeGpuPortal.Web.Catalog.Editing;

using Microsoft.Extensions.Localization;

namespace FreeGpuPortal.Web.Catalog.Transfer;

/// <summary>
/// What a catalog file changes in the reference lists: the names, descriptions and Chinese of features and the facts,
/// notes and Chinese of GPU models this catalog already has, compared property by property, validated, and applied.
/// Keys and slugs identify the entries and never change; entries this catalog lacks are not added (a platform that
/// uses one is reported instead).
/// </summary>
public static class ReferenceImport
{
    public const int FeatureNameMaxLength = 120;
    public const int FeatureDescriptionMaxLength = 1000;

    public static FeatureEntry EntryOf(Feature feature) =>
        new(feature.Key, feature.Name, feature.Description, feature.NameZh, feature.DescriptionZh);

    public static GpuModelEntry EntryOf(GpuModel model) =>
        new(model.Slug, model.Name, model.Vendor, model.Architecture, model.MemoryGb, model.MemoryType, model.Note, model.SourceUrl, model.SourceTitle, model.NoteZh, model.SourceTitleZh,
            model.SourceAsOf);

    /// <summary>Texts trimmed, blank ones empty (null), as the editor stores them.</summary>
    public static FeatureEntry Normalized(FeatureEntry entry) => new(
        entry.Key, entry.Name?.Trim() ?? "", Optional(entry.Description), Optional(entry.NameZh), Optional(entry.DescriptionZh));

    public static GpuModelEntry Normalized(GpuModelEntry entry) => new(
        entry.Slug, entry.Name?.Trim() ?? "", Optional(entry.Vendor), Optional(entry.Architecture), entry.MemoryGb, Optional(entry.MemoryType),
        Optional(entry.Note), Optional(entry.SourceUrl), Optional(entry.SourceTitle), Optional(entry.NoteZh), Optional(entry.SourceTitleZh),
        entry.SourceAsOf);

    public static IReadOnlyList<ReferenceChange> Changes(FeatureEntry current, FeatureEntry imported)
    {
        var changes = new List<ReferenceChange>();
        void Text(string property, string? old, string? now) => AddText(changes, new ReferenceField(ReferenceTable.Feature, current.Key, property), old, now);
        Text(nameof(FeatureEntry.Name), current.Name, imported.Name);
        Text(nameof(FeatureEntry.NameZh), current.NameZh, imported.NameZh);
        Text(nameof(FeatureEntry.Description), current.Description, imported.Description);
        Text(nameof(FeatureEntry.DescriptionZh), current.DescriptionZh, imported.DescriptionZh);
        return changes;
    }

    public static IReadOnlyList<ReferenceChange> Changes(GpuModelEntry current, GpuModelEntry imported)
    {
        var changes = new List<ReferenceChange>();
        ReferenceField Field(string property) => new(ReferenceTable.GpuModel, current.Slug, property);
        void Text(string property, string? old, string? now) => AddText(changes, Field(property), old, now);
        Text(nameof(GpuModelEntry.Name), current.Name, imported.Name);
        Text(nameof(GpuModelEntry.Vendor), current.Vendor, imported.Vendor);
        Text(nameof(GpuModelEntry.Architecture), current.Architecture, imported.Architecture);
        if (current.MemoryGb != imported.MemoryGb)
        {
            changes.Add(new ReferenceChange(
                Field(nameof(GpuModelEntry.MemoryGb)), Json(current.MemoryGb), Json(imported.MemoryGb), Number(current.MemoryGb), Number(imported.MemoryGb)));
        }

        Text(nameof(GpuModelEntry.MemoryType), current.MemoryType, imported.MemoryType);
        Text(nameof(GpuModelEntry.Note), current.Note, imported.Note);
        Text(nameof(GpuModelEntry.NoteZh), current.NoteZh, imported.NoteZh);
        Text(nameof(GpuModelEntry.SourceUrl), current.SourceUrl, imported.SourceUrl);
        Text(nameof(GpuModelEntry.SourceTitle), current.SourceTitle, imported.SourceTitle);
        Text(nameof(GpuModelEntry.SourceTitleZh), current.SourceTitleZh, imported.SourceTitleZh);
        if (current.SourceAsOf != imported.SourceAsOf)
        {
            changes.Add(new ReferenceChange(
                Field(nameof(GpuModelEntry.SourceAsOf)), Json(current.SourceAsOf), Json(imported.SourceAsOf), Date(current.SourceAsOf), Date(imported.SourceAsOf)));
        }

        return changes;
    }

    /// <summary>The problems of an imported feature, in words that name it; none when it can be applied.</summary>
    public static IEnumerable<string> Problems(FeatureEntry imported, IStringLocalizer<SharedResource> localizer)
    {
        if (string.IsNullOrWhiteSpace(imported.Name))
        {
            yield return localizer["Transfer.Error.FeatureUnnamed", imported.Key];
        }

        foreach (var (property, text, max) in new[]
        {
            (nameof(FeatureEntry.Name), imported.Name, FeatureNameMaxLength), (nameof(FeatureEntry.NameZh), imported.NameZh, FeatureNameMaxLength),
            (nameof(FeatureEntry.Description), imported.Description, FeatureDescriptionMaxLength),
            (nameof(FeatureEntry.DescriptionZh), imported.DescriptionZh, FeatureDescriptionMaxLength),
        })
        {
            if (text is { Length: var length } && length > max)
            {
                yield return localizer["Transfer.Error.FeatureTooLong", imported.Key, PropertyLabel(property, localizer), max];
            }
        }
    }

    /// <summary>The problems of an imported GPU model, by the rules the GPU model form follows.</summary>
    public static IEnumerable<string> Problems(GpuModelEntry imported, IStringLocalizer<SharedResource> localizer, DateOnly? today = null)
    {
        var errors = PlatformEditValidator.ValidateGpuModel(
            GpuModelEditModel.From(imported), new HashSet<string>(StringComparer.Ordinal), localizer, today);
        return errors.Select(e => localizer["Transfer.Error.GpuModelProblem", imported.Slug, PropertyLabel(e.Key, localizer), string.Join(" ", e.Value)].Value);
    }

    /// <summary>A property as the history names it, in the request's language; its own name when the history has no label.</summary>
    private static string PropertyLabel(string property, IStringLocalizer<SharedResource> localizer) =>
        localizer["History.Reference.Property." + property] is { ResourceNotFound: false } label ? label.Value : property;

    public static void Apply(Feature feature, FeatureEntry imported)
    {
        feature.Name = imported.Name;
        feature.NameZh = imported.NameZh;
        feature.Description = imported.Description;
        feature.DescriptionZh = imported.DescriptionZh;
    }

    public static void Apply(GpuModel model, GpuModelEntry imported)
    {
        model.Name = imported.Name;
        model.Vendor = imported.Vendor;
        model.Architecture = imported.Architecture;
        model.MemoryGb = imported.MemoryGb;
        model.MemoryType = imported.MemoryType;
        model.Note = imported.Note;
        model.NoteZh = imported.NoteZh;
        model.SourceUrl = imported.SourceUrl;
        model.SourceTitle = imported.SourceTitle;
        model.SourceTitleZh = imported.SourceTitleZh;
        model.SourceAsOf = imported.SourceAsOf;
    }

    private static void AddText(List<ReferenceChange> changes, ReferenceField field, string? old, string? now)
    {
        if (!string.Equals(old, now, StringComparison.Ordinal))
        {
            changes.Add(new ReferenceChange(field, Json(old), Json(now), old ?? NotStated, now ?? NotStated));
        }
    }

    private const string NotStated = "not stated";

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, EditJson.Options);

    private static string Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? NotStated;

    private static string Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? NotStated;

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
