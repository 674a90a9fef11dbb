using System.Globalization;
using System.Text;

using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog.Transfer;
using FreeGpuPortal.Web.Data;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FreeGpuPortal.Web.Catalog.Editing;

/// <summary>
/// The admin's way to write the GPU models platforms choose from. Like <see cref="CatalogEditor"/> for platforms,
/// each add, edit and delete is validated, needs evidence, and saves the model together with its history entry in
/// one SaveChanges: one entry in the model's own history and one in the history of each platform offering it, the
/// fields old → new compared as a catalog file compares them (<see cref="ReferenceImport"/>), so the form and an
/// import describe a change alike. Each write replaces the model's concurrency stamp; a form carrying an older one
/// gets <see cref="GpuModelEditResult.ConcurrencyConflict"/>. Slugs never change once a model exists: they name the
/// model in catalog files, in history and in the platforms' GPU options.
/// </summary>
public sealed class GpuModelEditor(
    IDbContextFactory<CatalogDbContext> contextFactory, CatalogEditor catalogEditor, TimeProvider timeProvider,
    IStringLocalizer<SharedResource> localizer, ILogger<GpuModelEditor> logger)
{
    /// <summary>Every GPU model with the platforms offering it, by name.</summary>
    public async Task<IReadOnlyList<GpuModelAdminRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var models = await db.GpuModels.AsNoTracking().ToListAsync(cancellationToken);
        var offered = await db.PlatformGpus.AsNoTracking()
            .Join(db.Platforms, g => g.PlatformId, p => p.Id, (g, p) => new { g.GpuModelId, p.Slug, p.Name })
            .ToListAsync(cancellationToken);
        return [.. models
            .OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
            .Select(m => new GpuModelAdminRow(
                m.Id, m.ConcurrencyStamp, m.Slug, m.Name, m.Vendor, m.Architecture, m.MemoryGb, m.MemoryType, m.SourceUrl, m.SourceTitle, m.SourceAsOf,
                [.. offered.Where(o => o.GpuModelId == m.Id).OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).Select(o => new GpuModelPlatform(o.Slug, o.Name))]))];
    }

    /// <summary>A model as its edit form opens it, with its current stamp; null for an unknown slug.</summary>
    public async Task<GpuModelEditModel?> GetForEditAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var model = await db.GpuModels.AsNoTracking().SingleOrDefaultAsync(g => g.Slug == slug, cancellationToken);
        return model is null ? null : GpuModelEditModel.From(model);
    }

    /// <summary>The slugs of the other models (all of them for a new one, <paramref name="modelId"/> 0), for a form validating as the admin types.</summary>
    public async Task<IReadOnlySet<string>> OtherSlugsAsync(int modelId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.GpuModels.Where(g => g.Id != modelId).Select(g => g.Slug).ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>Today in UTC, the last day a source's as-of date may name.</summary>
    public DateOnly Today => DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);

    /// <summary>
    /// The form's problems, as the save will find them: the model's values, then the evidence. The evidence is asked
    /// for only when <paramref name="before"/> differs from the model (a new model always does), so an untouched
    /// form is told "nothing changed" rather than asked why.
    /// </summary>
    public IReadOnlyDictionary<string, string[]> Validate(
        GpuModelEditModel model, ChangeEvidence? evidence, IReadOnlySet<string> otherSlugs, GpuModelEditModel? before)
    {
        var trimmed = Trimmed(model);
        var errors = PlatformEditValidator.ValidateGpuModel(trimmed, otherSlugs, localizer, Today).ToDictionary();
        if (before is not null && !string.Equals(trimmed.Slug, before.Slug, StringComparison.Ordinal))
        {
            errors["Slug"] = [localizer["GpuModels.Error.SlugFixed", before.Slug]];
        }

        if (before is null || ReferenceImport.Changes(Trimmed(before).ToEntry(), trimmed.ToEntry()).Count > 0)
        {
            foreach (var (key, messages) in PlatformEditValidator.ValidateGpuModelEvidence(Trimmed(evidence), localizer))
            {
                errors[key] = messages;
            }
        }

        return errors;
    }

    public Task<GpuModelEditResult> CreateAsync(GpuModelChangeRequest request, CancellationToken cancellationToken = default) =>
        GuardedAsync(() => CreateCoreAsync(request, cancellationToken));

    private async Task<GpuModelEditResult> CreateCoreAsync(GpuModelChangeRequest request, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var model = Trimmed(request.Model);
        var evidence = Trimmed(request.Evidence);
        var slugs = await db.GpuModels.Select(g => g.Slug).ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
        if (Validate(model, evidence, slugs, before: null) is { Count: > 0 } errors)
        {
            return new GpuModelEditResult.ValidationFailed(errors);
        }

        var entity = new GpuModel { Slug = model.Slug, Name = model.Name, ConcurrencyStamp = Guid.NewGuid() };
        ReferenceImport.Apply(entity, model.ToEntry());
        db.GpuModels.Add(entity);

        var changes = ReferenceImport.Changes(Blank(model.Slug), model.ToEntry());
        return await SaveAsync(db, entity, ChangeKind.Create, request.Actor, evidence, changes, offeringPlatforms: [], cancellationToken);
    }

    /// <summary>Saves the form over the model <see cref="GpuModelEditModel.Id"/>, if nobody saved it since the form opened.</summary>
    public Task<GpuModelEditResult> UpdateAsync(GpuModelChangeRequest request, CancellationToken cancellationToken = default) =>
        GuardedAsync(() => UpdateCoreAsync(request, cancellationToken));

    private async Task<GpuModelEditResult> UpdateCoreAsync(GpuModelChangeRequest request, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.GpuModels.SingleOrDefaultAsync(g => g.Id == request.Model.Id, cancellationToken);
        if (entity is null)
        {
            return new GpuModelEditResult.NotFound();
        }

        if (entity.ConcurrencyStamp != request.Model.ConcurrencyStamp)
        {
            return new GpuModelEditResult.ConcurrencyConflict(GpuModelEditModel.From(entity));
        }

        var before = GpuModelEditModel.From(entity);
        var model = Trimmed(request.Model);
        var evidence = Trimmed(request.Evidence);
        var slugs = await db.GpuModels.Where(g => g.Id != entity.Id).Select(g => g.Slug).ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
        if (Validate(model, evidence, slugs, before) is { Count: > 0 } errors)
        {
            return new GpuModelEditResult.ValidationFailed(errors);
        }

        var changes = ReferenceImport.Changes(before.ToEntry(), model.ToEntry());
        if (changes.Count == 0)
        {
            return new GpuModelEditResult.NoChanges();
        }

        ReferenceImport.Apply(entity, model.ToEntry());
        entity.ConcurrencyStamp = Guid.NewGuid();
        var offering = await db.Platforms.Where(p => p.Gpus.Any(g => g.GpuModelId == entity.Id)).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        return await SaveAsync(db, entity, ChangeKind.Edit, request.Actor, evidence, changes, offering, cancellationToken);
    }

    /// <summary>
    /// Removes a model no platform offers, if nobody saved it since <paramref name="concurrencyStamp"/>. Refused with
    /// the names of the platforms offering it, when some do: their GPU options would lose their model.
    /// </summary>
    public Task<GpuModelEditResult> DeleteAsync(
        int modelId, Guid concurrencyStamp, Actor actor, ChangeEvidence evidence, CancellationToken cancellationToken = default) =>
        GuardedAsync(() => DeleteCoreAsync(modelId, concurrencyStamp, actor, evidence, cancellationToken));

    private async Task<GpuModelEditResult> DeleteCoreAsync(
        int modelId, Guid concurrencyStamp, Actor actor, ChangeEvidence evidence, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.GpuModels.SingleOrDefaultAsync(g => g.Id == modelId, cancellationToken);
        if (entity is null)
        {
            return new GpuModelEditResult.NotFound();
        }

        if (entity.ConcurrencyStamp != concurrencyStamp)
        {
            return new GpuModelEditResult.ConcurrencyConflict(GpuModelEditModel.From(entity));
        }

        if (await OfferingPlatformNamesAsync(db, modelId, cancellationToken) is { Count: > 0 } names)
        {
            return new GpuModelEditResult.InUse(names);
        }

        var trimmedEvidence = Trimmed(evidence);
        if (PlatformEditValidator.ValidateGpuModelEvidence(trimmedEvidence, localizer) is { Count: > 0 } errors)
        {
            return new GpuModelEditResult.ValidationFailed(errors);
        }

        // The entry keeps every value the model had, so its history still tells what it was.
        var changes = ReferenceImport.Changes(GpuModelEditModel.From(entity).ToEntry(), Blank(entity.Slug));
        db.GpuModels.Remove(entity);
        return await SaveAsync(db, entity, ChangeKind.Delete, actor, trimmedEvidence, changes, offeringPlatforms: [], cancellationToken);
    }

    /// <summary>
    /// The model's own history entry and one for each platform offering it, saved with the model. A platform's entry
    /// carries the model's slug, so the admin-wide history shows the change once.
    /// </summary>
    private async Task<GpuModelEditResult> SaveAsync(
        CatalogDbContext db, GpuModel entity, ChangeKind kind, Actor actor, ChangeEvidence evidence, IReadOnlyList<ReferenceChange> changes,
        IReadOnlyList<Platform> offeringPlatforms, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var entry = HistoryWriter.ForGpuModel(entity, kind, actor, evidence, now, changes);
        db.CatalogChanges.Add(entry);
        foreach (var platform in offeringPlatforms)
        {
            db.CatalogChanges.Add(HistoryWriter.ForPlatform(platform, kind, actor, evidence, now, changes, entity.Slug));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved or deleted the model between our read and our write: the stamp refused it, nothing was written.
            await using var fresh = await contextFactory.CreateDbContextAsync(cancellationToken);
            var current = await fresh.GpuModels.AsNoTracking().SingleOrDefaultAsync(g => g.Id == entity.Id, cancellationToken);
            return current is null ? new GpuModelEditResult.NotFound() : new GpuModelEditResult.ConcurrencyConflict(GpuModelEditModel.From(current));
        }
        catch (DbUpdateException) when (kind != ChangeKind.Edit)
        {
            // A constraint refused it: another model took the slug since validation, or a platform chose the model
            // since the delete looked. Say which; anything else is not ours to explain.
            await using var fresh = await contextFactory.CreateDbContextAsync(cancellationToken);
            if (kind == ChangeKind.Create && await fresh.GpuModels.AnyAsync(g => g.Slug == entity.Slug, cancellationToken))
            {
                return new GpuModelEditResult.ValidationFailed(
                    new Dictionary<string, string[]> { ["Slug"] = [localizer["Edit.Error.SlugInUse", entity.Slug]] });
            }

            if (kind == ChangeKind.Delete && await OfferingPlatformNamesAsync(fresh, entity.Id, cancellationToken) is { Count: > 0 } names)
            {
                return new GpuModelEditResult.InUse(names);
            }

            throw;
        }

        logger.LogInformation(
            "Catalog change {ChangeId}: {Kind} of GPU model {GpuModelSlug} by {ActorUserId}, fields {Fields}, in the history of {PlatformCount} platforms",
            entry.Id, kind, entity.Slug, actor.UserId, string.Join(",", entry.Fields.Select(f => f.Field)), offeringPlatforms.Count);
        return new GpuModelEditResult.Saved(entity.Slug, entity.ConcurrencyStamp, entry.Id);
    }

    private async Task<GpuModelEditResult> GuardedAsync(Func<Task<GpuModelEditResult>> edit)
    {
        GpuModelEditResult? result = null;
        var unavailable = await catalogEditor.GuardedWriteAsync(async () => result = await edit());
        return unavailable is null ? result! : new GpuModelEditResult.StorageUnavailable(unavailable.Problem);
    }

    private static async Task<IReadOnlyList<string>> OfferingPlatformNamesAsync(CatalogDbContext db, int modelId, CancellationToken cancellationToken)
    {
        var names = await db.Platforms.AsNoTracking().Where(p => p.Gpus.Any(g => g.GpuModelId == modelId)).Select(p => p.Name).ToListAsync(cancellationToken);
        return [.. names.Order(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>A model with no values yet, to compare a new model (or what a deleted one leaves) against.</summary>
    private static GpuModelEntry Blank(string slug) => new(slug, "", null, null, null, null, null, null, null);

    /// <summary>Texts trimmed and blank ones empty (null), as they are stored.</summary>
    public static GpuModelEditModel Trimmed(GpuModelEditModel model)
    {
        var trimmed = GpuModelEditModel.From(ReferenceImport.Normalized(model.ToEntry() with { Slug = model.Slug?.Trim() ?? "" }));
        trimmed.Id = model.Id;
        trimmed.ConcurrencyStamp = model.ConcurrencyStamp;
        return trimmed;
    }

    private static ChangeEvidence Trimmed(ChangeEvidence? evidence) => new()
    {
        EvidenceUrl = string.IsNullOrWhiteSpace(evidence?.EvidenceUrl) ? null : evidence.EvidenceUrl.Trim(),
        Note = string.IsNullOrWhiteSpace(evidence?.Note) ? null : evidence.Note.Trim(),
    };

    /// <summary>
    /// The slug a name suggests: lower case, letters and digits kept, everything else one hyphen, e.g.
    /// "Tesla T4" → <c>tesla-t4</c>; letters with accents lose them, other scripts are left out.
    /// </summary>
    public static string ProposeSlug(string? name)
    {
        var builder = new StringBuilder();
        foreach (var c in (name ?? "").Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length <= PlatformEditValidator.SlugMaxLength ? slug : slug[..PlatformEditValidator.SlugMaxLength].TrimEnd('-');
    }

    /// <summary>
    /// The slug after the name changed from <paramref name="oldName"/> to <paramref name="newName"/>: it follows the
    /// name while it is empty or still the proposal of the old name, and stays as typed once the admin changed it.
    /// </summary>
    public static string FollowName(string? slug, string? oldName, string? newName) =>
        string.IsNullOrEmpty(slug) || slug == ProposeSlug(oldName) ? ProposeSlug(newName) : slug;
}
