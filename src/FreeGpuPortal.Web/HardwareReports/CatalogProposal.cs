namespace FreeGpuPortal.Web.HardwareReports;

/// <summary>What "apply to catalog" would change for a report; empty when the catalog agrees with it already.</summary>
public sealed record CatalogProposal(int ReportId, string PlatformSlug, IReadOnlyList<ProposedChange> Changes);
