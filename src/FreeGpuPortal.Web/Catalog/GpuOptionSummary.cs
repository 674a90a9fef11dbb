namespace FreeGpuPortal.Web.Catalog;

public sealed record GpuOptionSummary(
    string Slug, string Name, double? MemoryGb, int? GpusPerSession, string? Note, string? SourceUrl, string? SourceTitle, DateOnly? AsOf,
    string? NoteZh = null);
