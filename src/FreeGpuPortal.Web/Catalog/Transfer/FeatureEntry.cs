using System.Text.Json;

using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Data;

using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.Catalog.Transfer;

public sealed record FeatureEntry(string Key, string Name, string? Description, string? NameZh = null, string? DescriptionZh = null);
