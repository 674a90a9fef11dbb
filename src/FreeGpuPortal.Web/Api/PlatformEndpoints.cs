
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Data;
using FreeGpuPortal.Web.Localization;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.Api;

/// <summary>
/// The read API over the catalog. The list and the CSV run the comparison page's own parser and query object over
/// the same in-memory snapshot, so the page, the JSON and the CSV cannot disagree for one query string.
/// </summary>
public static class PlatformEndpoints
{
    public const int MaxSlugLength = 64;

    public static RouteGroupBuilder MapPlatformEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/platforms", ListAsync)
            .WithName("ListPlatforms")
            .WithSummary("List platforms, filtered and sorted like the comparison page")
            .WithDescription("Takes exactly the query parameters of the comparison page `/` and returns the same platforms "
                + "in the same order. Unlike the page, which ignores an unusable value with a notice, any unusable or "
                + "unknown parameter gives 400 with the parameter named in `errors`.")
            .WithPlatformQueryParameters();

        api.MapGet("/platforms.csv", CsvAsync)
            .WithName("ExportPlatformsCsv")
            .WithSummary("The same list as a CSV download")
            .WithDescription("RFC 4180 CSV (UTF-8 with a byte order mark, header row, CRLF), units in the headers, "
                + "unknown values empty, feature names as the pages show them, absolute page URLs, each value's source "
                + "and as-of date in columns of their own, cells that a spreadsheet would run as a formula prefixed "
                + "with an apostrophe. Same parameters and errors as /api/v1/platforms.")
            .WithPlatformQueryParameters();

        api.MapGet("/platforms/{slug}", GetAsync)
            .WithName("GetPlatform")
            .WithSummary("Everything about one platform")
            .WithDescription("The list's values plus summary, website, pros, cons, getting-started steps and sources. "
                + "Retired platforms are served too.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/gpu-models", GpuModelsAsync)
            .WithName("ListGpuModels")
            .WithSummary("GPU models in the catalog")
            .WithDescription("Reference facts for every GPU model, and which platforms may assign it.");

        return api;
    }

    private static async Task<Results<CachedJson<PlatformListDto>, ValidationProblem>> ListAsync(
        HttpRequest request, CatalogReader catalog, CancellationToken cancellationToken)
    {
        var snapshot = await catalog.GetAsync(cancellationToken);
        if (!ApiProblems.TryParseQuery(request.Query, snapshot, out var query, out var problem))
        {
            return problem!;
        }

        return new CachedJson<PlatformListDto>(
            PlatformDtoMapper.ToList(query, query.Apply(snapshot.Platforms), request.PathBase.Value ?? "", PortalLanguages.Current, snapshot.SourceTitles));
    }

    private static async Task<Results<CachedCsv, ValidationProblem>> CsvAsync(
        HttpRequest request, CatalogReader catalog, IDbContextFactory<CatalogDbContext> dbFactory,
        CancellationToken cancellationToken)
    {
        var snapshot = await catalog.GetAsync(cancellationToken);
        if (!ApiProblems.TryParseQuery(request.Query, snapshot, out var query, out var problem))
        {
            return problem!;
        }

        var rows = query.Apply(snapshot.Platforms);
        var ids = rows.Select(r => r.Id).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var texts = await db.Platforms
            .AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Pros, p.Cons, p.ProsZh, p.ConsZh })
            .ToDictionaryAsync(p => p.Id, p => new PlatformTexts(p.Pros, p.Cons, p.ProsZh, p.ConsZh), cancellationToken);

        var siteBase = $"{request.Scheme}://{request.Host}{request.PathBase}";
        var csv = PlatformCsv.Write(rows, texts, siteBase, PortalLanguages.Current);
        return new CachedCsv(PlatformCsv.Encode(csv), PlatformCsv.FileName);
    }

    private static async Task<Results<CachedJson<PlatformDetailDto>, ProblemHttpResult>> GetAsync(
        string slug, HttpRequest request, IDbContextFactory<CatalogDbContext> dbFactory, CatalogReader catalog, CancellationToken cancellationToken)
    {
        if (slug.Length > MaxSlugLength)
        {
            return ApiProblems.PlatformNotFound(slug);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var platform = await db.Platforms
            .AsNoTracking()
            .Whole()
            .FirstOrDefaultAsync(p => p.Slug == Slugs.Canonical(slug), cancellationToken);

        if (platform is null)
        {
            return ApiProblems.PlatformNotFound(slug);
        }

        var snapshot = await catalog.GetAsync(cancellationToken);
        return new CachedJson<PlatformDetailDto>(
            PlatformDtoMapper.ToDetailDto(platform, request.PathBase.Value ?? "", PortalLanguages.Current, snapshot.SourceTitles));
    }

    private static async Task<CachedJson<GpuModelListDto>> GpuModelsAsync(
        IDbContextFactory<CatalogDbContext> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var models = await db.GpuModels.AsNoTracking().ToListAsync(cancellationToken);
        var usedBy = await db.PlatformGpus
            .AsNoTracking()
            .Join(db.Platforms, g => g.PlatformId, p => p.Id, (g, p) => new { g.GpuModelId, p.Slug })
            .ToListAsync(cancellationToken);

        var list = models
            .OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(m => m.Slug, StringComparer.Ordinal)
            .Select(m => PlatformDtoMapper.ToDto(
                m, [.. usedBy.Where(u => u.GpuModelId == m.Id).Select(u => u.Slug).Order(StringComparer.Ordinal)], PortalLanguages.Current))
            .ToList();
        return new CachedJson<GpuModelListDto>(new GpuModelListDto(list.Count, list));
    }
}
