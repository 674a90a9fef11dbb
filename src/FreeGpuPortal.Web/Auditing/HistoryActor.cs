using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Data;

using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.Auditing;

/// <summary>An admin who has made changes, for the global view's actor filter.</summary>
public sealed record HistoryActor(string UserId, string DisplayName, int ChangeCount);
