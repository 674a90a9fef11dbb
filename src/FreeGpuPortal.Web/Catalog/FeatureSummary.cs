namespace FreeGpuPortal.Web.Catalog;

public sealed record FeatureSummary(
    string Key, string Name, bool Available, string? Note, string? SourceUrl, string? SourceTitle, DateOnly? AsOf,
    string? NameZh = null, string? NoteZh = null);
