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
        var fallbacks = new FallbackTexts(language);
        string? Text(string pointer, string? english, string? chinese) => fallbacks.Text(pointer, english, chinese);
        SpecRangeDto Range(SpecDefinition spec) => PlatformDtoMapper.Range("/" + spec.JsonName, platform[spec], fallbacks, sourceTitles);
        SourceDto? Source(string pointer, string? url, string? title) => Cited(pointer, url, title, fallbacks, sourceTitles);
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
                Text("/gpuMemoryGb/note", platform.GpuAvailabilityNote, platform.GpuAvailabilityNoteZh),
                Source("/gpuMemoryGb/source", firstGpu?.SourceUrl, firstGpu?.SourceTitle),
                firstGpu?.AsOf),
            GpuOptions = [.. platform.Gpus.Select((g, i) => new GpuOptionDto(
                g.Slug, g.Name, g.MemoryGb, g.GpusPerSession, Text($"/gpuOptions/{i}/note", g.Note, g.NoteZh),
                Source($"/gpuOptions/{i}/source", g.SourceUrl, g.SourceTitle), g.AsOf))],
            CpuCount = Range(Specs.CpuCount),
            CpuModel = platform.CpuModel,
            RamGb = Range(Specs.RamGb),
            StorageGb = Range(Specs.StorageGb),
            StorageNote = Text("/storageNote", platform.StorageNote, platform.StorageNoteZh),
            MaxSessionHours = Range(Specs.MaxSessionHours),
            IdleTimeoutMinutes = Range(Specs.IdleTimeoutMinutes),
            WeeklyQuotaKind = platform.WeeklyQuotaKind switch
            {
                WeeklyQuotaKind.Limited => WeeklyQuotaKindDto.Limited,
                WeeklyQuotaKind.NoQuota => WeeklyQuotaKindDto.NoQuota,
                _ => WeeklyQuotaKindDto.Unknown,
            },
            // Hours only mean something for a limited quota; for "no quota" the value keeps its citation only.
            WeeklyGpuHours = platform.WeeklyQuotaKind == WeeklyQuotaKind.Limited
                ? Range(Specs.WeeklyGpuHours)
                : Range(Specs.WeeklyGpuHours) with { Min = null, Max = null },
            WeeklyQuotaResetRule = Text("/weeklyQuotaResetRule", platform.WeeklyQuotaResetRule, platform.WeeklyQuotaResetRuleZh),
            Features = [.. platform.Features.Select((f, i) => new FeatureDto(
                f.Key, Text($"/features/{i}/name", f.Name, f.NameZh) ?? f.Name, f.Available, Text($"/features/{i}/note", f.Note, f.NoteZh),
                Source($"/features/{i}/source", f.SourceUrl, f.SourceTitle), f.AsOf))],
            LastVerified = platform.LastVerifiedOn,
            Links = new PlatformLinksDto(
                $"{pathBase}/api/v1/platforms/{Uri.EscapeDataString(platform.Slug)}",
                PageLink(platform.Slug, pathBase),
                platform.Status == PlatformStatus.Renamed && platform.SuccessorSlug is { } successor
                    ? SuccessorLink(successor, pathBase)
                    : null),
            FallbackTexts = fallbacks.Pointers,
        };
    }

    public static PlatformDetailDto ToDetailDto(Platform platform, string pathBase, string language, SourceTitles sourceTitles)
    {
        var table = ToDto(PlatformSummary.From(platform), pathBase, language, sourceTitles);
        var fallbacks = new FallbackTexts(language, table.FallbackTexts);
        return new(
            table,
            fallbacks.Text("/summary", platform.Summary, platform.SummaryZh),
            platform.Website,
            fallbacks.List("/pros", platform.Pros, platform.ProsZh),
            fallbacks.List("/cons", platform.Cons, platform.ConsZh),
            fallbacks.List("/gettingStarted", platform.GettingStarted, platform.GettingStartedZh),
            [.. platform.Sources.OrderBy(s => s.Id).Select((s, i) => new PlatformSourceDto(
                s.Url, fallbacks.Text($"/sources/{i}/title", s.Title, s.TitleZh) ?? s.Title, s.AccessedOn))])
        {
            FallbackTexts = fallbacks.Pointers,
        };
    }

    public static GpuModelDto ToDto(GpuModel model, IReadOnlyList<string> platformSlugs, string language)
    {
        var fallbacks = new FallbackTexts(language);
        return new(model.Slug, model.Name, model.Vendor, model.Architecture, model.MemoryGb, model.MemoryType,
            fallbacks.Text("/note", model.Note, model.NoteZh),
            model.SourceUrl is null && model.SourceTitle is null
                ? null
                : new SourceDto(model.SourceUrl, fallbacks.Text("/source/title", model.SourceTitle, model.SourceTitleZh)),
            model.SourceAsOf,
            platformSlugs)
        {
            FallbackTexts = fallbacks.Pointers,
        };
    }

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
    private static SpecRangeDto Range(string pointer, SpecValue value, FallbackTexts fallbacks, SourceTitles sourceTitles) =>
        new(value.Guaranteed, value.Possible, fallbacks.Text($"{pointer}/note", value.Note, value.NoteZh),
            Cited($"{pointer}/source", value.SourceUrl, value.SourceTitle, fallbacks, sourceTitles), value.AsOf);

    /// <summary>A value's citation, its title in the requested language where a platform's source list translates it.</summary>
    private static SourceDto? Cited(string pointer, string? url, string? title, FallbackTexts fallbacks, SourceTitles sourceTitles) =>
        url is null && title is null
            ? null
            : new SourceDto(url, fallbacks.Shown($"{pointer}/title", sourceTitles.Resolve(url, title, fallbacks.Language)) ?? title);
}
