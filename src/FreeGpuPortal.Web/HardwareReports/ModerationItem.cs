using System.Globalization;

using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Data;

using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.HardwareReports;

/// <summary>One report as the moderation page lists it, with its platform and its parsed GPUs and messages.</summary>
public sealed record ModerationItem(SubmittedReport Report, string PlatformSlug, string PlatformName, ParsedReport Parsed);
