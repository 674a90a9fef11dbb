namespace FreeGpuPortal.Web.Catalog.Editing;

/// <summary>Tidies an edit model and copies it onto the entity: the only place form values reach catalog rows.</summary>
internal static class PlatformEditMapping
{
    /// <summary>
    /// A copy with text trimmed and empty optional text as null. Rows keep their positions, so validation messages
    /// keyed by index still point at the form's rows.
    /// </summary>
    public static PlatformEditModel Trimmed(PlatformEditModel model)
    {
        var copy = model.Clone();
        copy.Slug = Required(copy.Slug);
        copy.Name = Required(copy.Name);
        copy.Vendor = Optional(copy.Vendor);
        copy.Summary = Optional(copy.Summary);
        copy.SummaryZh = Optional(copy.SummaryZh);
        copy.Website = Optional(copy.Website);
        copy.SuccessorSlug = Optional(copy.SuccessorSlug);
        copy.GpuAvailabilityNote = Optional(copy.GpuAvailabilityNote);
        copy.GpuAvailabilityNoteZh = Optional(copy.GpuAvailabilityNoteZh);
        copy.CpuModel = Optional(copy.CpuModel);
        copy.StorageNote = Optional(copy.StorageNote);
        copy.StorageNoteZh = Optional(copy.StorageNoteZh);
        copy.WeeklyQuotaResetRule = Optional(copy.WeeklyQuotaResetRule);
        copy.WeeklyQuotaResetRuleZh = Optional(copy.WeeklyQuotaResetRuleZh);
        foreach (var spec in Specs.All.Select(s => s.OnEditModel(copy)))
        {
            spec.Note = Optional(spec.Note);
            spec.NoteZh = Optional(spec.NoteZh);
            spec.SourceUrl = Optional(spec.SourceUrl);
            spec.SourceTitle = Optional(spec.SourceTitle);
        }

        foreach (var gpu in copy.Gpus)
        {
            gpu.GpuModelSlug = Required(gpu.GpuModelSlug);
            gpu.Note = Optional(gpu.Note);
            gpu.NoteZh = Optional(gpu.NoteZh);
            gpu.SourceUrl = Optional(gpu.SourceUrl);
            gpu.SourceTitle = Optional(gpu.SourceTitle);
        }

        foreach (var feature in copy.Features)
        {
            feature.Key = Required(feature.Key);
            feature.Note = Optional(feature.Note);
            feature.NoteZh = Optional(feature.NoteZh);
            feature.SourceUrl = Optional(feature.SourceUrl);
            feature.SourceTitle = Optional(feature.SourceTitle);
        }

        copy.Pros = [.. copy.Pros.Select(Required)];
        copy.Cons = [.. copy.Cons.Select(Required)];
        copy.GettingStarted = [.. copy.GettingStarted.Select(Required)];
        copy.ProsZh = [.. copy.ProsZh.Select(Required)];
        copy.ConsZh = [.. copy.ConsZh.Select(Required)];
        copy.GettingStartedZh = [.. copy.GettingStartedZh.Select(Required)];
        foreach (var source in copy.Sources)
        {
            source.Url = Required(source.Url);
            source.Title = Required(source.Title);
            source.TitleZh = Optional(source.TitleZh);
        }

        return copy;
    }

    /// <summary>Puts GPU options and features in their canonical order (by slug and key): they have no order of their own.</summary>
    public static PlatformEditModel Canonical(PlatformEditModel model)
    {
        model.Gpus = [.. model.Gpus.OrderBy(g => g.GpuModelSlug, StringComparer.Ordinal)];
        model.Features = [.. model.Features.OrderBy(f => f.Key, StringComparer.Ordinal)];
        return model;
    }

    public static ChangeEvidence Trimmed(ChangeEvidence? evidence) =>
        new()
        {
            EvidenceUrl = Optional(evidence?.EvidenceUrl),
            Note = Optional(evidence?.Note),
            Title = Optional(evidence?.Title),
            AsOf = evidence?.AsOf,
            SuggestionId = evidence?.SuggestionId
        };

    /// <summary>Copies a validated, canonical edit model onto a tracked platform loaded with its rows.</summary>
    public static void Apply(
        PlatformEditModel model, Platform platform, IReadOnlyDictionary<string, GpuModel> gpuModels, IReadOnlyDictionary<string, Feature> features)
    {
        platform.Slug = model.Slug;
        platform.Name = model.Name;
        platform.Vendor = model.Vendor;
        platform.Summary = model.Summary;
        platform.SummaryZh = model.SummaryZh;
        platform.Website = model.Website;
        platform.Status = model.Status;
        platform.SuccessorSlug = model.SuccessorSlug;
        platform.GpuAvailabilityNote = model.GpuAvailabilityNote;
        platform.GpuAvailabilityNoteZh = model.GpuAvailabilityNoteZh;
        platform.CpuModel = model.CpuModel;
        platform.StorageNote = model.StorageNote;
        platform.StorageNoteZh = model.StorageNoteZh;
        platform.WeeklyQuotaKind = model.WeeklyQuotaKind;
        platform.WeeklyQuotaResetRule = model.WeeklyQuotaResetRule;
        platform.WeeklyQuotaResetRuleZh = model.WeeklyQuotaResetRuleZh;
        if (!platform.Pros.SequenceEqual(model.Pros))
        {
            platform.Pros = [.. model.Pros];
        }

        if (!platform.Cons.SequenceEqual(model.Cons))
        {
            platform.Cons = [.. model.Cons];
        }

        if (!platform.GettingStarted.SequenceEqual(model.GettingStarted))
        {
            platform.GettingStarted = [.. model.GettingStarted];
        }

        if (!platform.ProsZh.SequenceEqual(model.ProsZh))
        {
            platform.ProsZh = [.. model.ProsZh];
        }

        if (!platform.ConsZh.SequenceEqual(model.ConsZh))
        {
            platform.ConsZh = [.. model.ConsZh];
        }

        if (!platform.GettingStartedZh.SequenceEqual(model.GettingStartedZh))
        {
            platform.GettingStartedZh = [.. model.GettingStartedZh];
        }

        platform.LastVerifiedOn = model.LastVerifiedOn;
        foreach (var spec in Specs.All)
        {
            spec.OnEditModel(model).CopyTo(spec.OnEntity(platform));
        }

        // GPU options and features are matched by their GPU model and feature, so an unchanged row stays as it is.
        var wantedGpus = model.Gpus.Select(g => g.GpuModelSlug).ToHashSet(StringComparer.Ordinal);
        platform.Gpus.RemoveAll(g => !wantedGpus.Contains(g.GpuModel.Slug));
        foreach (var option in model.Gpus)
        {
            var row = platform.Gpus.Find(g => g.GpuModel.Slug == option.GpuModelSlug);
            if (row is null)
            {
                var gpuModel = gpuModels[option.GpuModelSlug];
                row = new PlatformGpu { GpuModel = gpuModel, GpuModelId = gpuModel.Id };
                platform.Gpus.Add(row);
            }

            row.GpusPerSession = option.PerSession;
            row.Note = option.Note;
            row.NoteZh = option.NoteZh;
            row.SourceUrl = option.SourceUrl;
            row.SourceTitle = option.SourceTitle;
            row.AsOf = option.AsOf;
        }

        var wantedFeatures = model.Features.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        platform.Features.RemoveAll(f => !wantedFeatures.Contains(f.Feature.Key));
        foreach (var statement in model.Features)
        {
            var row = platform.Features.Find(f => f.Feature.Key == statement.Key);
            if (row is null)
            {
                var feature = features[statement.Key];
                row = new PlatformFeature { Feature = feature, FeatureId = feature.Id };
                platform.Features.Add(row);
            }

            row.Available = statement.Available;
            row.Note = statement.Note;
            row.NoteZh = statement.NoteZh;
            row.SourceUrl = statement.SourceUrl;
            row.SourceTitle = statement.SourceTitle;
            row.AsOf = statement.AsOf;
        }

        // Sources are a list in the order the admin gave; rows are reused by position.
        var sources = platform.Sources.OrderBy(s => s.Id).ToList();
        for (var i = 0; i < model.Sources.Count; i++)
        {
            var wanted = model.Sources[i];
            if (i < sources.Count)
            {
                sources[i].Url = wanted.Url;
                sources[i].Title = wanted.Title;
                sources[i].TitleZh = wanted.TitleZh;
                sources[i].AccessedOn = wanted.AccessedOn;
            }
            else
            {
                platform.Sources.Add(new PlatformSource { Url = wanted.Url, Title = wanted.Title, TitleZh = wanted.TitleZh, AccessedOn = wanted.AccessedOn });
            }
        }

        foreach (var surplus in sources.Skip(model.Sources.Count))
        {
            platform.Sources.Remove(surplus);
        }
    }

    /// <summary>Trimmed, without bidirectional controls (see <see cref="CatalogText"/>), and null when nothing is left.</summary>
    private static string? Optional(string? value) =>
        CatalogText.WithoutBidiControls(value)?.Trim() is { Length: > 0 } text ? text : null;

    private static string Required(string? value) => CatalogText.WithoutBidiControls(value)?.Trim() ?? "";
}
