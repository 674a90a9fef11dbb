using FreeGpuPortal.Web.Catalog;

namespace FreeGpuPortal.Web.Api;

/// <summary>
/// Builds the API's records from the catalog's read models; the one place the JSON shape is filled. Text values are in
/// the requested language ("en" or "zh-CN"), falling back to the other language where a text has no translation
/// (<see cref="CatalogTextResolver"/>); keys, enum values and slugs are the same in both.
/// </summary>
public static class PlatformDtoMapper
{
    public static PlatformListDto ToList(
        PlatformQuery query, IReadOnlyList<PlatformSummary> rows, string pathBase, string language, SourceTitles sourceTitles)
    {
        var queryString = query.ToQueryString();
        return new PlatformListDto(
            queryString,
            rows.Count,
            [.. rows.Select(p => ToDto(p, pathBase, language, sourceTitles))],
            new PlatformListLinksDto(
                $"{pathBase}/api/v1/platforms{queryString}",
                $"{pathBase}/{queryString}",
                $"{pathBase}/api/v1/platforms.csv{queryString}"));
    }

    public static PlatformDto ToDto(PlatformSummary platform, string pathBase, string language, SourceTitles sourceTitles)
    {
        string? Text(string? english, string? chinese) => CatalogTextResolver.Text(english, chinese, language);
        SpecRangeDto Range(SpecValue value) => PlatformDtoMapper.Range(value, language, sourceTitles);
        SourceDto? Source(string? url, string? title) => Cited(url, title, language, sourceTitles);
        var firstGpu = platform.Gpus.FirstOrDefault();
        return new PlatformDto
        {
            Slug = platform.Slug,
            Name = platform.Name,
            Vendor = platform.Vendor,
            Status = ToDto(platform.Status),
            RenamedTo = platform.Status == PlatformStatus.Renamed ? platform.SuccessorSlug : null,
            GpuMemoryGb = new SpecRangeDto(
                platform.GpuMemoryGuaranteedGb,
                platform.GpuMemoryPossibleGb,
                Text(platform.GpuAvailabilityNote, platform.GpuAvailabilityNoteZh),
                Source(firstGpu?.SourceUrl, firstGpu?.SourceTitle),
                firstGpu?.AsOf),
            GpuOptions = [.. platform.Gpus.Select(g => new GpuOptionDto(
                g.Slug, g.Name, g.MemoryGb, g.GpusPerSession, Text(g.Note, g.NoteZh), Source(g.SourceUrl, g.SourceTitle), g.AsOf))],
            CpuCount = Range(platform.CpuCount),
            CpuModel = platform.CpuModel,
            RamGb = Range(platform.RamGb),
            StorageGb = Range(platform.StorageGb),
            StorageNote = Text(platform.StorageNote, platform.StorageNoteZh),
            MaxSessionHours = Range(platform.MaxSessionHours),
            IdleTimeoutMinutes = Range(platform.IdleTimeoutMinutes),
            WeeklyQuotaKind = platform.WeeklyQuotaKind switch
            {
                WeeklyQuotaKind.Limited => WeeklyQuotaKindDto.Limited,
                WeeklyQuotaKind.NoQuota => WeeklyQuotaKindDto.NoQuota,
                _ => WeeklyQuotaKindDto.Unknown,
            },
            // Hours only mean something for a limited quota; for "no quota" the value keeps its citation only.
            WeeklyGpuHours = platform.WeeklyQuotaKind == WeeklyQuotaKind.Limited
                ? Range(platform.WeeklyGpuHours)
                : Range(platform.WeeklyGpuHours) with { Min = null, Max = null },
            WeeklyQuotaResetRule = Text(platform.WeeklyQuotaResetRule, platform.WeeklyQuotaResetRuleZh),
            Features = [.. platform.Features.Select(f => new FeatureDto(
                f.Key, Text(f.Name, f.NameZh) ?? f.Name, f.Available, Text(f.Note, f.NoteZh), Source(f.SourceUrl, f.SourceTitle), f.AsOf))],
            LastVerified = platform.LastVerifiedOn,
            Links = new PlatformLinksDto(
                $"{pathBase}/api/v1/platforms/{Uri.EscapeDataString(platform.Slug)}",
                PageLink(platform.Slug, pathBase),
                platform.Status == PlatformStatus.Renamed && platform.SuccessorSlug is { } successor
                    ? SuccessorLink(successor, pathBase)
                    : null),
        };
    }

    public static PlatformDetailDto ToDetailDto(Platform platform, string pathBase, string language, SourceTitles sourceTitles) =>
        new(
            ToDto(PlatformSummary.From(platform), pathBase, language, sourceTitles),
            CatalogTextResolver.Text(platform.Summary, platform.SummaryZh, language),
            platform.Website,
            [.. CatalogTextResolver.Resolve(platform.Pros, platform.ProsZh, language).Items],
            [.. CatalogTextResolver.Resolve(platform.Cons, platform.ConsZh, language).Items],
            [.. CatalogTextResolver.Resolve(platform.GettingStarted, platform.GettingStartedZh, language).Items],
            [.. platform.Sources.OrderBy(s => s.Id).Select(s => new PlatformSourceDto(
                s.Url, CatalogTextResolver.Text(s.Title, s.TitleZh, language) ?? s.Title, s.AccessedOn))]);

    public static GpuModelDto ToDto(GpuModel model, IReadOnlyList<string> platformSlugs, string language) =>
        new(model.Slug, model.Name, model.Vendor, model.Architecture, model.MemoryGb, model.MemoryType,
            CatalogTextResolver.Text(model.Note, model.NoteZh, language),
            Source(model.SourceUrl, model.SourceTitle), platformSlugs);

    public static string PageLink(string slug, string pathBase) => $"{pathBase}/platforms/{Uri.EscapeDataString(slug)}";

    public static string StatusName(PlatformStatus status) => status switch
    {
        PlatformStatus.Changed => "changed",
        PlatformStatus.Discontinued => "discontinued",
        PlatformStatus.Renamed => "renamed",
        _ => "active",
    };

    private static PlatformStatusDto ToDto(PlatformStatus status) => status switch
    {
        PlatformStatus.Changed => PlatformStatusDto.Changed,
        PlatformStatus.Discontinued => PlatformStatusDto.Discontinued,
        PlatformStatus.Renamed => PlatformStatusDto.Renamed,
        _ => PlatformStatusDto.Active,
    };

    private static string SuccessorLink(string successor, string pathBase) =>
        Uri.TryCreate(successor, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.ToString()
            : PageLink(successor, pathBase);

    /// <summary>A one-sided value reads as a single number on both ends, exactly as filters and sorting read it.</summary>
    private static SpecRangeDto Range(SpecValue value, string language, SourceTitles sourceTitles) =>
        new(value.Guaranteed, value.Possible, CatalogTextResolver.Text(value.Note, value.NoteZh, language),
            Cited(value.SourceUrl, value.SourceTitle, language, sourceTitles), value.AsOf);

    /// <summary>A value's citation, its title in the requested language where a platform's source list translates it.</summary>
    private static SourceDto? Cited(string? url, string? title, string language, SourceTitles sourceTitles) =>
        url is null && title is null ? null : new SourceDto(url, sourceTitles.Resolve(url, title, language)?.Text ?? title);

    private static SourceDto? Source(string? url, string? title) =>
        url is null && title is null ? null : new SourceDto(url, title);
}
