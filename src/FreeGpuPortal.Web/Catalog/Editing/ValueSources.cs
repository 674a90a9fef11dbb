namespace FreeGpuPortal.Web.Catalog.Editing;

/// <summary>
/// The rule that keeps a value's citation true when the value changes: its source and as-of date become the change's
/// evidence and date, unless the change gives others for that value, and a note written for the old value is dropped
/// unless the change confirms it still holds (<see cref="PlatformEditModel.NotesStillHold"/>); its Chinese follows the
/// same rule. Every path that writes
/// values — an admin's edit, an applied hardware report, an import — saves through <see cref="CatalogEditor"/>, which
/// applies this rule to creates and edits; reverts restore values together with the citation they had.
/// </summary>
public static class ValueSources
{
    /// <summary>The longest source title a value keeps; a note used as a title is cut to it.</summary>
    public const int TitleMaxLength = PlatformEditValidator.SourceTitleMaxLength;

    /// <summary>The key of a GPU option in <see cref="PlatformEditModel.NotesStillHold"/>.</summary>
    public static string GpuKey(string gpuModelSlug) => $"{nameof(PlatformEditModel.Gpus)}[{gpuModelSlug}]";

    /// <summary>The key of a feature statement in <see cref="PlatformEditModel.NotesStillHold"/>.</summary>
    public static string FeatureKey(string featureKey) => $"{nameof(PlatformEditModel.Features)}[{featureKey}]";

    /// <summary>
    /// Applies the rule to <paramref name="after"/> in place. <paramref name="before"/> is the platform as saved (null
    /// for a new platform); <paramref name="today"/> is the change's date when the evidence names none.
    /// </summary>
    public static void FollowChange(PlatformEditModel? before, PlatformEditModel after, ChangeEvidence evidence, DateOnly today)
    {
        var citation = Citation.Of(evidence, today);
        var empty = before ?? new PlatformEditModel();
        foreach (var spec in Specs.All)
        {
            var (name, get, companion) = (spec.Name, spec.OnEditModel, spec.CompanionValue);
            var old = get(empty);
            var now = get(after);
            if (old.Min == now.Min && old.Max == now.Max && Equals(companion(empty), companion(after)))
            {
                continue;
            }

            if (Citation.Of(now) == Citation.Of(old))
            {
                (now.SourceUrl, now.SourceTitle, now.AsOf) = citation;
            }

            if (!after.NotesStillHold.Contains(name))
            {
                (now.Note, now.NoteZh) = (Dropped(now.Note, old.Note), Dropped(now.NoteZh, old.NoteZh));
            }
        }

        foreach (var option in after.Gpus)
        {
            var old = empty.Gpus.Find(g => g.GpuModelSlug == option.GpuModelSlug);
            if (old is not null && old.PerSession == option.PerSession)
            {
                continue;
            }

            if (new Citation(option.SourceUrl, option.SourceTitle, option.AsOf) == new Citation(old?.SourceUrl, old?.SourceTitle, old?.AsOf))
            {
                (option.SourceUrl, option.SourceTitle, option.AsOf) = citation;
            }

            if (old is not null && !after.NotesStillHold.Contains(GpuKey(option.GpuModelSlug)))
            {
                (option.Note, option.NoteZh) = (Dropped(option.Note, old.Note), Dropped(option.NoteZh, old.NoteZh));
            }
        }

        foreach (var statement in after.Features)
        {
            var old = empty.Features.Find(f => f.Key == statement.Key);
            if (old is not null && old.Available == statement.Available)
            {
                continue;
            }

            if (new Citation(statement.SourceUrl, statement.SourceTitle, statement.AsOf) == new Citation(old?.SourceUrl, old?.SourceTitle, old?.AsOf))
            {
                (statement.SourceUrl, statement.SourceTitle, statement.AsOf) = citation;
            }

            if (old is not null && !after.NotesStillHold.Contains(FeatureKey(statement.Key)))
            {
                (statement.Note, statement.NoteZh) = (Dropped(statement.Note, old.Note), Dropped(statement.NoteZh, old.NoteZh));
            }
        }
    }

    /// <summary>A note (in either language) left as it was written for the old value is dropped; a rewritten one stays.</summary>
    private static string? Dropped(string? now, string? old) => now is not null && now == old ? null : now;

    /// <summary>
    /// The note of spec value <paramref name="name"/> as saved, when the form has changed the value but kept that note:
    /// the note saving would drop unless the admin confirms it still holds. Null when nothing is at stake.
    /// </summary>
    public static string? NoteAtRisk(string name, PlatformEditModel? before, PlatformEditModel after)
    {
        if (before is null)
        {
            return null;
        }

        var spec = Specs.Get(name);
        var (get, companion) = (spec.OnEditModel, spec.CompanionValue);

        var old = get(before);
        var now = get(after);
        var changed = old.Min != now.Min || old.Max != now.Max || !Equals(companion(before), companion(after));
        if (!changed)
        {
            return null;
        }

        static bool Kept(string? oldNote, string? newNote) =>
            oldNote is { Length: > 0 } && string.Equals(newNote?.Trim(), oldNote.Trim(), StringComparison.Ordinal);

        return Kept(old.Note, now.Note) ? old.Note : Kept(old.NoteZh, now.NoteZh) ? old.NoteZh : null;
    }

    private readonly record struct Citation(string? Url, string? Title, DateOnly? AsOf)
    {
        public static Citation Of(SpecEditModel spec) => new(spec.SourceUrl, spec.SourceTitle, spec.AsOf);

        /// <summary>
        /// The citation a change gives the values it changes: its evidence URL and title, or its note as the title
        /// when it has no URL, dated by the evidence or by the day of the change.
        /// </summary>
        public static Citation Of(ChangeEvidence evidence, DateOnly today)
        {
            var title = evidence.Title ?? (evidence.EvidenceUrl is null ? evidence.Note : null);
            if (title is { Length: > TitleMaxLength })
            {
                title = title[..(TitleMaxLength - 1)] + "…";
            }

            return new Citation(evidence.EvidenceUrl, title, evidence.AsOf ?? today);
        }
    }
}
