using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Data;
using FreeGpuPortal.Web.LinkChecking;

using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.Discovery;

/// <summary>What the dataset description states about the catalog, independent of the address it is served at.</summary>
public sealed record DatasetFacts(
    IReadOnlyList<string> PlatformNames, IReadOnlyList<string> SourceUrls, DateTime? FirstChangeUtc, DateTime? LastChangeUtc,
    DateOnly? EarliestAsOf, DateOnly? LatestAsOf);
