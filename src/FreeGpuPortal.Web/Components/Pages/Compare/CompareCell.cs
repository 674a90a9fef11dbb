using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Components.Catalog;

using Microsoft.Extensions.Localization;

namespace FreeGpuPortal.Web.Components.Pages.Compare;

/// <summary>One value of one platform in the compare view, with what its tooltip cites.</summary>
public sealed record CompareCell(string? Text, ShownText? Note, string? SourceUrl, string? SourceTitle, DateOnly? AsOf, bool IsBest);
