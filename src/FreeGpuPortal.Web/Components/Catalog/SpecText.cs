using System.Globalization;

using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Localization;

using Microsoft.Extensions.Localization;

namespace FreeGpuPortal.Web.Components.Catalog;

/// <summary>How spec values read on every page: numbers with units, ranges with an en dash, null when unknown.</summary>
public static class SpecText
{
    public static string Number(double value) => value.ToString("0.##", CultureInfo.CurrentCulture);

    public static string? Range(double? min, double? max, string unit)
    {
        if (min is null && max is null)
        {
            return null;
        }

        if (min is null || max is null || min == max)
        {
            return $"{Number((min ?? max)!.Value)} {unit}";
        }

        return $"{Number(min.Value)}–{Number(max.Value)} {unit}";
    }

    public static string? Range(SpecValue value, string unit) => Range(value.Min, value.Max, unit);

    /// <summary>Minutes read as hours when every end is a whole number of hours: "1–6 h" rather than "60–360 min".</summary>
    public static string? Minutes(SpecValue value, IStringLocalizer l)
    {
        if (!value.IsKnown)
        {
            return null;
        }

        var wholeHours = new[] { value.Min, value.Max }.All(m => m is null || (m >= 60 && m % 60 == 0));
        return wholeHours
            ? Range(value.Min / 60, value.Max / 60, l["Unit.Hours"])
            : Range(value, l["Unit.Minutes"]);
    }

    public static string? GpuMemory(PlatformSummary platform, IStringLocalizer l)
    {
        var known = platform.Gpus.Where(g => g.MemoryGb is not null).Select(g => g.MemoryGb!.Value).ToList();
        return known.Count == 0 ? null : Range(known.Min(), known.Max(), l["Unit.Gigabytes"]);
    }

    /// <summary>The storage size alone; where it lives (<see cref="StorageWhere"/>) is shown beside it as a text of its own.</summary>
    public static string? Storage(SpecValue size, IStringLocalizer l) => Range(size, l["Unit.Gigabytes"]);

    /// <summary>
    /// "Google Drive" of "15 GB (Google Drive)": the storage note in the page's language, or the other language as a
    /// marked fallback, beside a known size only.
    /// </summary>
    public static ShownText? StorageWhere(SpecValue size, string? english, string? chinese) => size.IsKnown ? Shown(english, chinese) : null;

    /// <summary>What qualifies a weekly quota: its note and its reset rule, in one sentence pair.</summary>
    public static ShownText? QuotaNote(SpecValue hours, string? resetRule, string? resetRuleZh) =>
        CatalogTextResolver.Join(PortalLanguages.Current, Note(hours), Shown(resetRule, resetRuleZh));

    /// <summary>A catalog text in the page's language, or the other language as a marked fallback.</summary>
    public static ShownText? Shown(string? english, string? chinese) =>
        CatalogTextResolver.Resolve(english, chinese, PortalLanguages.Current);

    /// <summary>A citation's title in the page's language (<see cref="SourceTitles"/>); none known reads as no translation.</summary>
    public static ShownText? SourceTitle(SourceTitles? titles, string? url, string? title) =>
        (titles ?? SourceTitles.Empty).Resolve(url, title, PortalLanguages.Current);

    public static ShownList Shown(IReadOnlyList<string> english, IReadOnlyList<string> chinese) =>
        CatalogTextResolver.Resolve(english, chinese, PortalLanguages.Current);

    /// <summary>A spec value's note in the page's language.</summary>
    public static ShownText? Note(SpecValue value) => Shown(value.Note, value.NoteZh);

    public static string? WeeklyQuota(PlatformSummary platform, IStringLocalizer l) => platform.WeeklyQuotaKind switch
    {
        WeeklyQuotaKind.NoQuota => l["Spec.NoWeeklyQuota"],
        WeeklyQuotaKind.Limited => Range(platform[Specs.WeeklyGpuHours], l["Unit.Hours"]),
        _ => null,
    };

    public static string? Cpu(PlatformSummary platform)
    {
        var cpus = platform[Specs.CpuCount];
        var count = Range(cpus.Min, cpus.Max, "")?.TrimEnd();
        return (count, platform.CpuModel) switch
        {
            (null, null) => null,
            (null, { } model) => model,
            ({ } n, null) => n,
            ({ } n, { } model) => $"{n} × {model}",
        };
    }

    /// <summary>A spec's value as every page writes it, by its registry <see cref="SpecDefinition.Display"/>.</summary>
    public static string? Of(SpecDefinition spec, PlatformSummary platform, IStringLocalizer l) => spec.Display switch
    {
        SpecDisplay.CpuCount => Cpu(platform),
        SpecDisplay.Storage => Storage(platform[spec], l),
        SpecDisplay.Minutes => Minutes(platform[spec], l),
        SpecDisplay.WeeklyQuota => WeeklyQuota(platform, l),
        _ => Range(platform[spec], l[spec.UnitKey]),
    };

    /// <summary>What qualifies the value in brackets (storage's "persistent"), or null.</summary>
    public static ShownText? QualifierOf(SpecDefinition spec, PlatformSummary platform) => spec.Display == SpecDisplay.Storage
        ? StorageWhere(platform[spec], platform.StorageNote, platform.StorageNoteZh)
        : null;

    /// <summary>The value's note: its own, and for the weekly quota with the reset rule.</summary>
    public static ShownText? NoteOf(SpecDefinition spec, PlatformSummary platform) => spec.Display == SpecDisplay.WeeklyQuota
        ? QuotaNote(platform[spec], platform.WeeklyQuotaResetRule, platform.WeeklyQuotaResetRuleZh)
        : Note(platform[spec]);

    /// <summary>"1 Dec 2026" in English, "2026年12月1日" in Chinese (the day-month order each language reads).</summary>
    public static string Date(DateOnly date) =>
        date.ToString(PortalLanguages.Current == PortalLanguages.Chinese ? "yyyy年M月d日" : "d MMM yyyy", CultureInfo.CurrentCulture);
}
