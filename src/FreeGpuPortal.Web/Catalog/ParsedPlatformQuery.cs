using System.Globalization;

using Microsoft.Extensions.Primitives;

namespace FreeGpuPortal.Web.Catalog;

public sealed record ParsedPlatformQuery(PlatformQuery Query, IReadOnlyList<QueryNotice> Notices);
