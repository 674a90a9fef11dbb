namespace FreeGpuPortal.Web.Catalog.Transfer;

/// <summary>One property of a feature or GPU model an import changes: typed JSON for history, and text for people.</summary>
public sealed record ReferenceChange(ReferenceField Field, string? OldJson, string? NewJson, string OldDisplay, string NewDisplay)
{
    public FieldDifference ToDifference() => new(Field.Name, Field.Label, OldDisplay, NewDisplay, OldJson, NewJson);
}
