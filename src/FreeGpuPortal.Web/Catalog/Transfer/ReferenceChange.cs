using FreeGpuPortal.Web.Auditing;

namespace FreeGpuPortal.Web.Catalog.Transfer;

/// <summary>One property of a feature or GPU model an import changes: typed JSON for history, and text for people.</summary>
public sealed record ReferenceChange(ReferenceField Field, string? OldJson, string? NewJson, string OldDisplay, string NewDisplay)
{
    public FieldDifference ToDifference() => new(Field.Name, Field.Label, OldDisplay, NewDisplay, OldJson, NewJson);

    /// <summary>
    /// The history row of this property, alike in a GPU model's own history and in each platform's. A created entry
    /// had no old value and a deleted one has no new value, as a new platform's fields have none before.
    /// </summary>
    public CatalogFieldChange ToFieldChange(ChangeKind kind = ChangeKind.Edit) => new()
    {
        Field = Field.Name,
        OldJson = kind == ChangeKind.Create ? null : OldJson,
        OldDisplay = kind == ChangeKind.Create ? null : OldDisplay,
        NewJson = kind == ChangeKind.Delete ? null : NewJson,
        NewDisplay = kind == ChangeKind.Delete ? null : NewDisplay,
    };
}
