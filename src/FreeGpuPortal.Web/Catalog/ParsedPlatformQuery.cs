namespace FreeGpuPortal.Web.Catalog;

public sealed record ParsedPlatformQuery(PlatformQuery Query, IReadOnlyList<QueryNotice> Notices);
