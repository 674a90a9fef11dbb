namespace FreeGpuPortal.Web.LinkChecking;

/// <summary>A platform that cites a URL, with its stamp, so a change to it can be made safely.</summary>
public sealed record CitingPlatform(int Id, string Slug, string Name, Guid ConcurrencyStamp);
