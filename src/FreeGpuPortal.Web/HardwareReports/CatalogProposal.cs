using System.Globalization;

using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Data;

using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.HardwareReports;

/// <summary>What "apply to catalog" would change for a report; empty when the catalog agrees with it already.</summary>
public sealed record CatalogProposal(int ReportId, string PlatformSlug, IReadOnlyList<ProposedChange> Changes);
