namespace FreeGpuPortal.Web.Catalog;

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
