using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog.Transfer;

namespace FreeGpuPortal.Web.Catalog.Editing;

/// <summary>
/// The one place history entries are made. Every change to the catalog — an admin's edit or revert, an accepted
/// suggestion, a GPU model's edit, an import, the seed — gets its <see cref="CatalogChange"/> and field rows here, so
/// every entry has the same shape whatever wrote it. The callers add the entry to the context they save with.
/// </summary>
public static class HistoryWriter
{
    /// <summary>
    /// A platform's entry for the fields that differ between <paramref name="before"/> (null: a new platform, whose
    /// fields had no value before) and <paramref name="after"/>, each compared by its whole typed value.
    /// </summary>
    public static CatalogChange ForPlatform(
        Platform platform, ChangeKind kind, Actor actor, ChangeEvidence evidence, DateTime atUtc,
        PlatformEditModel? before, PlatformEditModel after) =>
        ForPlatform(platform, kind, actor, evidence, atUtc, before, after, PlatformField.Changed(before ?? new PlatformEditModel(), after));

    /// <summary>As above, for a caller that has already compared the values (to decide whether anything changed).</summary>
    public static CatalogChange ForPlatform(
        Platform platform, ChangeKind kind, Actor actor, ChangeEvidence evidence, DateTime atUtc,
        PlatformEditModel? before, PlatformEditModel after, IReadOnlyList<PlatformField> changed)
    {
        var change = PlatformEntry(platform, kind, actor, evidence, atUtc);
        change.Fields = [.. changed.Select(field => new CatalogFieldChange
        {
            Field = field.Name,
            OldJson = before is null ? null : field.Json(before),
            OldDisplay = before is null ? null : field.Display(before),
            NewJson = field.Json(after),
            NewDisplay = field.Display(after),
        })];
        return change;
    }

    /// <summary>
    /// A platform's entry for changes to the features or GPU models it uses; <paramref name="gpuModelSlug"/> marks the
    /// copy of a GPU model's change, so the admin-wide history shows that change once.
    /// </summary>
    public static CatalogChange ForPlatform(
        Platform platform, ChangeKind kind, Actor actor, ChangeEvidence evidence, DateTime atUtc,
        IEnumerable<ReferenceChange> changes, string? gpuModelSlug = null)
    {
        var change = PlatformEntry(platform, kind, actor, evidence, atUtc);
        change.GpuModelSlug = gpuModelSlug;
        change.Fields = [.. changes.Select(c => FieldRow(c, kind))];
        return change;
    }

    /// <summary>
    /// A GPU model's own entry, stamped with the model's new stamp. The platforms offering the model get entries of
    /// their own with the same fields, marked with the model's slug.
    /// </summary>
    public static CatalogChange ForGpuModel(
        GpuModel model, ChangeKind kind, Actor actor, ChangeEvidence evidence, DateTime atUtc, IEnumerable<ReferenceChange> changes)
    {
        var change = NewEntry(kind, actor, evidence, atUtc, model.ConcurrencyStamp);
        change.GpuModelSlug = model.Slug;
        change.Fields = [.. changes.Select(c => FieldRow(c, kind))];
        return change;
    }

    /// <summary>
    /// The history row of a feature's or GPU model's property, alike in a GPU model's own history and in each
    /// platform's. A created entry had no old value and a deleted one has no new value, as a new platform's fields
    /// have none before.
    /// </summary>
    public static CatalogFieldChange FieldRow(ReferenceChange change, ChangeKind kind) => new CatalogFieldChange
    {
        Field = change.Field.Name,
        OldJson = kind == ChangeKind.Create ? null : change.OldJson,
        OldDisplay = kind == ChangeKind.Create ? null : change.OldDisplay,
        NewJson = kind == ChangeKind.Delete ? null : change.NewJson,
        NewDisplay = kind == ChangeKind.Delete ? null : change.NewDisplay,
    };

    /// <summary>An entry for a platform (tracked or being added), stamped with the platform's new stamp.</summary>
    private static CatalogChange PlatformEntry(Platform platform, ChangeKind kind, Actor actor, ChangeEvidence evidence, DateTime atUtc)
    {
        var change = NewEntry(kind, actor, evidence, atUtc, platform.ConcurrencyStamp);
        change.Platform = platform;
        change.PlatformId = platform.Id;
        return change;
    }

    private static CatalogChange NewEntry(ChangeKind kind, Actor actor, ChangeEvidence evidence, DateTime atUtc, Guid stampAfter) => new()
    {
        Kind = kind,
        ActorUserId = actor.UserId,
        ActorDisplayName = actor.DisplayName,
        AtUtc = DateTime.SpecifyKind(atUtc, DateTimeKind.Utc),
        EvidenceUrl = evidence.EvidenceUrl,
        Note = evidence.Note,
        SuggestionId = evidence.SuggestionId,
        ConcurrencyStampAfter = stampAfter,
    };
}
