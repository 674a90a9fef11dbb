namespace FreeGpuPortal.Web.Catalog;

// Features: the shared list's entity, and a platform's statement about one.

public sealed class PlatformFeature
{
    public int Id { get; set; }
    public int PlatformId { get; set; }
    public int FeatureId { get; set; }
    public Feature Feature { get; set; } = null!;

    /// <summary>Stated as offered or stated as not offered; a feature without a row is unknown.</summary>
    public bool Available { get; set; }
    public string? Note { get; set; }
    public string? NoteZh { get; set; }
    public string? SourceUrl { get; set; }
    public string? SourceTitle { get; set; }
    public DateOnly? AsOf { get; set; }
}

/// <summary>A capability visitors filter by; the key is part of the public URL contract.</summary>
public sealed class Feature
{
    public int Id { get; set; }
    public required string Key { get; set; }
    public required string Name { get; set; }
    public string? NameZh { get; set; }
    public string? Description { get; set; }
    public string? DescriptionZh { get; set; }
    public int DisplayOrder { get; set; }
}
