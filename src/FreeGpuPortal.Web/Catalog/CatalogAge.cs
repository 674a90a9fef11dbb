namespace FreeGpuPortal.Web.Catalog;

/// <summary>
/// The catalog's age in numbers: how many values, how many cite the most cited source (its title and URL), how many
/// are undated, how many carry a date and the newest of those dates, and how many may be out of date.
/// </summary>
public sealed record CatalogAge(
    int Values, int FromMainSource, string? MainSourceTitle, string? MainSourceUrl, int Undated, int Dated, DateOnly? NewestAsOf, int MayBeOutOfDate);
