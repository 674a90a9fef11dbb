namespace FreeGpuPortal.Web.Hosting;

/// <summary>Which of the two page mappings serves a page: endpoint metadata set by <see cref="PortalPagesExtensions"/>.</summary>
public sealed record PageMapping(bool ServesThisPage);
