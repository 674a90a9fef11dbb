using FreeGpuPortal.Web.Catalog.Editing;

namespace FreeGpuPortal.Web.Catalog;

/// <summary>
/// The rule by which a catalog seeded before the seed carried Chinese receives the seed's Chinese: a Chinese text is
/// filled only where it is still empty and its English still equals the seed's English. English an admin has edited
/// since keeps whatever Chinese it has (none), so no stale translation appears beside it; Chinese an admin wrote is
/// never replaced.
/// </summary>
public static class SeedChinese
{
    public static string? Fill(string? currentChinese, string? currentEnglish, string? seedEnglish, string? seedChinese) =>
        string.IsNullOrWhiteSpace(currentChinese) && seedChinese is not null && currentEnglish is not null
            && string.Equals(currentEnglish, seedEnglish, StringComparison.Ordinal)
            ? seedChinese
            : currentChinese;

    public static List<string> Fill(List<string> currentChinese, List<string> currentEnglish, List<string> seedEnglish, List<string> seedChinese) =>
        currentChinese.Count == 0 && seedChinese.Count > 0 && currentEnglish.Count > 0 && currentEnglish.SequenceEqual(seedEnglish, StringComparer.Ordinal)
            ? [.. seedChinese]
            : currentChinese;

    /// <summary>Fills <paramref name="platform"/>'s empty Chinese from <paramref name="seed"/>, value by value.</summary>
    public static void Fill(PlatformEditModel platform, PlatformEditModel seed)
    {
        platform.SummaryZh = Fill(platform.SummaryZh, platform.Summary, seed.Summary, seed.SummaryZh);
        platform.GpuAvailabilityNoteZh = Fill(platform.GpuAvailabilityNoteZh, platform.GpuAvailabilityNote, seed.GpuAvailabilityNote, seed.GpuAvailabilityNoteZh);
        platform.StorageNoteZh = Fill(platform.StorageNoteZh, platform.StorageNote, seed.StorageNote, seed.StorageNoteZh);
        platform.WeeklyQuotaResetRuleZh = Fill(platform.WeeklyQuotaResetRuleZh, platform.WeeklyQuotaResetRule, seed.WeeklyQuotaResetRule, seed.WeeklyQuotaResetRuleZh);
        platform.ProsZh = Fill(platform.ProsZh, platform.Pros, seed.Pros, seed.ProsZh);
        platform.ConsZh = Fill(platform.ConsZh, platform.Cons, seed.Cons, seed.ConsZh);
        platform.GettingStartedZh = Fill(platform.GettingStartedZh, platform.GettingStarted, seed.GettingStarted, seed.GettingStartedZh);
        foreach (var (spec, seedSpec) in Specs.All.Select(s => (s.OnEditModel(platform), s.OnEditModel(seed))))
        {
            spec.NoteZh = Fill(spec.NoteZh, spec.Note, seedSpec.Note, seedSpec.NoteZh);
        }

        foreach (var gpu in platform.Gpus)
        {
            var seedGpu = seed.Gpus.Find(g => g.GpuModelSlug == gpu.GpuModelSlug);
            gpu.NoteZh = Fill(gpu.NoteZh, gpu.Note, seedGpu?.Note, seedGpu?.NoteZh);
        }

        foreach (var feature in platform.Features)
        {
            var seedFeature = seed.Features.Find(f => f.Key == feature.Key);
            feature.NoteZh = Fill(feature.NoteZh, feature.Note, seedFeature?.Note, seedFeature?.NoteZh);
        }

        foreach (var source in platform.Sources)
        {
            var seedSource = seed.Sources.Find(s => s.Url == source.Url);
            source.TitleZh = Fill(source.TitleZh, source.Title, seedSource?.Title, seedSource?.TitleZh);
        }
    }
}
