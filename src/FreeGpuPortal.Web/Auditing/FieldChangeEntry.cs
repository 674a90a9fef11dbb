namespace FreeGpuPortal.Web.Auditing;

/// <summary>
/// One field of an entry: the edit model's property name, its label, old → new as the text stored with the change,
/// and old → new as the typed JSON the change keeps (for showing it in the words of the pages).
/// </summary>
public sealed record FieldChangeEntry(string Field, string Label, string? OldValue, string? NewValue, string? OldJson = null, string? NewJson = null);
