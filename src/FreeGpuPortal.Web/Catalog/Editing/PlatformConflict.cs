namespace FreeGpuPortal.Web.Catalog.Editing;

// A concurrent edit compared field by field, and how each field compares.

/// <summary>
/// The three-way merge after another admin saved the platform while this admin edited it (an
/// <see cref="EditResult.ConcurrencyConflict"/>). Compared field by field against the version the form opened with:
/// a field only the other admin changed takes their saved value; a field both changed to different values keeps this
/// admin's value in the form but needs an explicit choice (<see cref="Choose"/>) before the form may save again, so
/// nobody's value is overwritten by an unseen save or a repeated click. The model's concurrency stamp moves to the
/// saved version's, so the next save goes over it.
/// </summary>
public sealed class PlatformConflict
{
    private PlatformConflict(IReadOnlyList<ConflictField> fields) => Fields = fields;

    public IReadOnlyList<ConflictField> Fields { get; }

    /// <summary>Some field both admins changed still waits for the admin's choice.</summary>
    public bool NeedsChoices => Fields.Any(f => f.NeedsChoice);

    /// <summary>The fields both admins changed: the ones the admin decides on.</summary>
    public IEnumerable<ConflictField> Contested => Fields.Where(f => f.Kind == ConflictKind.Both);

    /// <summary>
    /// Merges into <paramref name="mine"/> (the form's model, changed in place): <paramref name="opened"/> is what the
    /// form last knew saved, <paramref name="conflict"/> the editor's answer with the version saved meanwhile.
    /// </summary>
    public static PlatformConflict Merge(PlatformEditModel mine, PlatformEditModel opened, EditResult.ConcurrencyConflict conflict)
    {
        ArgumentNullException.ThrowIfNull(mine);
        ArgumentNullException.ThrowIfNull(opened);
        ArgumentNullException.ThrowIfNull(conflict);

        var current = conflict.Current;
        var fields = new List<ConflictField>();
        foreach (var name in conflict.ChangedFields)
        {
            if (PlatformField.Find(name) is not { } field)
            {
                continue;
            }

            var mineJson = field.Json(mine);
            var savedJson = field.Json(current);
            var kind = mineJson == savedJson ? ConflictKind.Same
                : mineJson == field.Json(opened) ? ConflictKind.TookSaved
                : ConflictKind.Both;
            fields.Add(new ConflictField(field, savedJson, mineJson, field.Display(current), field.Display(mine), kind));
            if (kind == ConflictKind.TookSaved)
            {
                field.SetFromJson(mine, savedJson);
            }
        }

        mine.ConcurrencyStamp = current.ConcurrencyStamp;
        return new PlatformConflict(fields);
    }

    /// <summary>The conflict entry for a field, if it is one (e.g. <c>IdleTimeoutMinutes</c>).</summary>
    public ConflictField? For(string fieldName) =>
        Fields.FirstOrDefault(f => string.Equals(f.Field.Name, fieldName, StringComparison.Ordinal));

    /// <summary>The admin's choice for a field both changed: the saved value, or their own; the model follows.</summary>
    public void Choose(PlatformEditModel model, string fieldName, bool useSaved)
    {
        ArgumentNullException.ThrowIfNull(model);
        var field = For(fieldName) ?? throw new ArgumentException($"{fieldName} is not in conflict.", nameof(fieldName));
        if (field.Kind != ConflictKind.Both)
        {
            return;
        }

        field.UseSaved = useSaved;
        field.Field.SetFromJson(model, useSaved ? field.SavedJson : field.MineJson);
    }
}

/// <summary>How one field of a concurrent edit compares: see <see cref="PlatformConflict"/>.</summary>
public enum ConflictKind
{
    /// <summary>Both versions hold the same value: nothing to decide.</summary>
    Same,

    /// <summary>Only the other admin changed it: the saved value is taken, nothing of this admin's is lost.</summary>
    TookSaved,

    /// <summary>Both changed it differently: the admin must choose, next to the field, before the form saves.</summary>
    Both,
}
