using System.Globalization;
using System.Text.RegularExpressions;

namespace FreeGpuPortal.Web.Catalog.Editing;

/// empty means valid. Pure: it reads the model and never changes it, so a form can run it on every keystroke.
/// </summary>
public static partial class PlatformEditValidator
{
    public const int SlugMaxLength = 64;
    public const int NameMaxLength = 120;
    public const int SummaryMaxLength = 2000;
    public const int NoteMaxLength = 1000;
    public const int ListItemMaxLength = 500;
    public const int SourceTitleMaxLength = 300;
    public const int UrlMaxLength = 2048;
    public const int MaxListItems = 50;
    public const int MaxGpusPerSession = 64;
    public const double MaxGpuMemoryGb = 1024;

    /// <summary>The spec values with their sane bounds and unit.</summary>
    public static IReadOnlyList<SpecRule> SpecRules { get; } =
    [
        new(nameof(PlatformEditModel.CpuCount), m => m.CpuCount, 1024, "CPUs", WholeNumber: true),
        new(nameof(PlatformEditModel.RamGb), m => m.RamGb, 100_000, "GB"),
        new(nameof(PlatformEditModel.StorageGb), m => m.StorageGb, 100_000, "GB"),
        new(nameof(PlatformEditModel.MaxSessionHours), m => m.MaxSessionHours, 168, "hours"),
        new(nameof(PlatformEditModel.IdleTimeoutMinutes), m => m.IdleTimeoutMinutes, 10_080, "minutes"),
        new(nameof(PlatformEditModel.WeeklyGpuHours), m => m.WeeklyGpuHours, 168, "hours"),
    ];

    public sealed record SpecRule(string Name, Func<PlatformEditModel, SpecEditModel> Get, double Max, string Unit, bool WholeNumber = false);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    public static IReadOnlyDictionary<string, string[]> Validate(
        PlatformEditModel model, ChangeEvidence? evidence, PlatformValidationContext context)
    {
        var errors = new Errors();

        ValidateSlug(errors, "Slug", model.Slug, context.SlugsInUse);
        Required(errors, "Name", model.Name, "Enter a name.");
        MaxLength(errors, "Name", model.Name, NameMaxLength);
        MaxLength(errors, "Vendor", model.Vendor, NameMaxLength);
        MaxLength(errors, "Summary", model.Summary, SummaryMaxLength);
        MaxLength(errors, "SummaryZh", model.SummaryZh, SummaryMaxLength);
        Url(errors, "Website", model.Website);
        ValidateStatus(errors, model);
        MaxLength(errors, "GpuAvailabilityNote", model.GpuAvailabilityNote, NoteMaxLength);
        MaxLength(errors, "GpuAvailabilityNoteZh", model.GpuAvailabilityNoteZh, NoteMaxLength);
        MaxLength(errors, "CpuModel", model.CpuModel, NameMaxLength);
        MaxLength(errors, "StorageNote", model.StorageNote, NoteMaxLength);
        MaxLength(errors, "StorageNoteZh", model.StorageNoteZh, NoteMaxLength);
        MaxLength(errors, "WeeklyQuotaResetRule", model.WeeklyQuotaResetRule, NoteMaxLength);
        MaxLength(errors, "WeeklyQuotaResetRuleZh", model.WeeklyQuotaResetRuleZh, NoteMaxLength);

        foreach (var rule in SpecRules)
        {
            ValidateSpec(errors, rule, rule.Get(model), context.Today);
        }

        if (!Enum.IsDefined(model.WeeklyQuotaKind))
        {
            errors.Add("WeeklyQuotaKind", "Choose whether the weekly quota is unknown, limited or absent.");
        }
        else if (model.WeeklyQuotaKind != WeeklyQuotaKind.Limited && (model.WeeklyGpuHours.Min is not null || model.WeeklyGpuHours.Max is not null))
        {
            errors.Add("WeeklyGpuHours.Min", "Weekly GPU hours apply only to a limited weekly quota; choose “Limited” or clear the hours.");
        }

        ValidateGpus(errors, model.Gpus, context);
        ValidateFeatures(errors, model.Features, context);
        ValidateTextList(errors, "Pros", model.Pros);
        ValidateTextList(errors, "Cons", model.Cons);
        ValidateTextList(errors, "GettingStarted", model.GettingStarted);
        ValidateTextList(errors, "ProsZh", model.ProsZh);
        ValidateTextList(errors, "ConsZh", model.ConsZh);
        ValidateTextList(errors, "GettingStartedZh", model.GettingStartedZh);
        ValidateSources(errors, model.Sources, context.Today);
        NotInFuture(errors, "LastVerifiedOn", model.LastVerifiedOn, context.Today);

        if (evidence is not null)
        {
            Url(errors, "Evidence.EvidenceUrl", evidence.EvidenceUrl);
            MaxLength(errors, "Evidence.Note", evidence.Note, NoteMaxLength);
            MaxLength(errors, "Evidence.Title", evidence.Title, SourceTitleMaxLength);
            NotInFuture(errors, "Evidence.AsOf", evidence.AsOf, context.Today);
        }

        if (context.RequireEvidenceForSpecChanges && IsBlank(evidence?.EvidenceUrl) && IsBlank(evidence?.Note))
        {
            var before = context.Before ?? new PlatformEditModel();
            var changedSpecs = PlatformField.All
                .Where(f => f.IsSpec && f.EvidenceRelevantJson(before) != f.EvidenceRelevantJson(model))
                .Select(f => f.Label)
                .ToList();
            if (changedSpecs.Count > 0)
            {
                errors.Add(
                    "Evidence.EvidenceUrl",
                    $"Changing a spec value ({string.Join(", ", changedSpecs)}) needs an evidence URL or a note on how it was verified.");
            }
        }

        return errors.ToDictionary();
    }

    /// <summary>The rules for a new GPU model in the reference list; keys are <see cref="GpuModelEditModel"/>'s properties.</summary>
    public static IReadOnlyDictionary<string, string[]> ValidateGpuModel(GpuModelEditModel model, IReadOnlySet<string> slugsInUse)
    {
        var errors = new Errors();
        ValidateSlug(errors, "Slug", model.Slug, slugsInUse);
        Required(errors, "Name", model.Name, "Enter a name.");
        MaxLength(errors, "Name", model.Name, NameMaxLength);
        MaxLength(errors, "Vendor", model.Vendor, NameMaxLength);
        MaxLength(errors, "Architecture", model.Architecture, NameMaxLength);
        MaxLength(errors, "MemoryType", model.MemoryType, NameMaxLength);
        MaxLength(errors, "Note", model.Note, NoteMaxLength);
        Number(errors, "MemoryGb", model.MemoryGb, MaxGpuMemoryGb, "GB", wholeNumber: false);
        Url(errors, "SourceUrl", model.SourceUrl);
        MaxLength(errors, "SourceTitle", model.SourceTitle, SourceTitleMaxLength);
        return errors.ToDictionary();
    }

    public static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    public static bool IsSlug(string? value) =>
        value is not null && value.Length <= SlugMaxLength && SlugPattern().IsMatch(value);

    private static bool IsBlank(string? value) => string.IsNullOrWhiteSpace(value);

    private static void ValidateSlug(Errors errors, string key, string? slug, IReadOnlySet<string> slugsInUse)
    {
        var value = slug?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(key, "Enter a slug.");
        }
        else if (value.Length > SlugMaxLength)
        {
            errors.Add(key, $"Use at most {SlugMaxLength} characters.");
        }
        else if (!SlugPattern().IsMatch(value))
        {
            errors.Add(key, "Use lowercase letters and digits, with single hyphens between words (like “google-colab”).");
        }
        else if (slugsInUse.Contains(value))
        {
            errors.Add(key, $"The slug “{value}” is already in use.");
        }
    }

    private static void ValidateStatus(Errors errors, PlatformEditModel model)
    {
        if (!Enum.IsDefined(model.Status))
        {
            errors.Add("Status", "Choose a status.");
            return;
        }

        var successor = model.SuccessorSlug?.Trim();
        if (model.Status == PlatformStatus.Renamed)
        {
            if (string.IsNullOrEmpty(successor))
            {
                errors.Add("SuccessorSlug", "A renamed platform needs its successor: a platform slug or an http(s) URL.");
            }
            else if (!IsSlug(successor) && !IsHttpUrl(successor))
            {
                errors.Add("SuccessorSlug", "Enter the successor as a platform slug (like “google-colab”) or an http(s) URL.");
            }
            else
            {
                MaxLength(errors, "SuccessorSlug", successor, UrlMaxLength);
            }
        }
        else if (!string.IsNullOrEmpty(successor))
        {
            errors.Add("SuccessorSlug", "Only a renamed platform has a successor; clear it or set the status to Renamed.");
        }
    }

    private static void ValidateSpec(Errors errors, SpecRule rule, SpecEditModel spec, DateOnly today)
    {
        var minOk = Number(errors, $"{rule.Name}.Min", spec.Min, rule.Max, rule.Unit, rule.WholeNumber);
        var maxOk = Number(errors, $"{rule.Name}.Max", spec.Max, rule.Max, rule.Unit, rule.WholeNumber);
        if (minOk && maxOk && spec.Min is { } min && spec.Max is { } max && min > max)
        {
            errors.Add($"{rule.Name}.Max", "The maximum must not be less than the minimum.");
        }

        Citation(errors, rule.Name, spec.Note, spec.SourceUrl, spec.SourceTitle, spec.AsOf, today);
        MaxLength(errors, $"{rule.Name}.NoteZh", spec.NoteZh, NoteMaxLength);
    }

    private static bool Number(Errors errors, string key, double? value, double max, string unit, bool wholeNumber)
    {
        switch (CheckNumber(value, max, wholeNumber))
        {
            case SpecNumberProblem.NotFinite:
                errors.Add(key, "Enter a finite number.");
                return false;
            case SpecNumberProblem.OutOfRange:
                errors.Add(key, $"Enter a number from 0 to {max.ToString("#,0", CultureInfo.InvariantCulture)} {unit}.");
                return false;
            case SpecNumberProblem.NotWhole:
                errors.Add(key, $"Enter a whole number of {unit}.");
                return false;
            default:
                return true;
        }
    }

    /// <summary>
    /// The rule every spec number passes (an admin's edit and a visitor's suggested correction alike): finite, from 0
    /// to <paramref name="max"/>, whole when the unit counts things. Null when the number passes or is absent.
    /// </summary>
    public static SpecNumberProblem? CheckNumber(double? value, double max, bool wholeNumber) => value switch
    {
        null => null,
        { } number when !double.IsFinite(number) => SpecNumberProblem.NotFinite,
        { } number when number < 0 || number > max => SpecNumberProblem.OutOfRange,
        { } number when wholeNumber && number != Math.Floor(number) => SpecNumberProblem.NotWhole,
        _ => null,
    };

    /// <summary>The rule of the spec value named <paramref name="name"/> (an edit model property, e.g. <c>MaxSessionHours</c>).</summary>
    public static SpecRule? FindSpecRule(string name) => SpecRules.FirstOrDefault(r => r.Name == name);

    private static void Citation(Errors errors, string prefix, string? note, string? sourceUrl, string? sourceTitle, DateOnly? asOf, DateOnly today)
    {
        MaxLength(errors, $"{prefix}.Note", note, NoteMaxLength);
        Url(errors, $"{prefix}.SourceUrl", sourceUrl);
        MaxLength(errors, $"{prefix}.SourceTitle", sourceTitle, SourceTitleMaxLength);
        NotInFuture(errors, $"{prefix}.AsOf", asOf, today);
    }

    private static void ValidateGpus(Errors errors, List<GpuOptionEditModel> gpus, PlatformValidationContext context)
    {
        ListCount(errors, "Gpus", gpus.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < gpus.Count; i++)
        {
            var gpu = gpus[i];
            var prefix = $"Gpus[{i}]";
            var slug = gpu.GpuModelSlug?.Trim();
            if (string.IsNullOrEmpty(slug))
            {
                errors.Add($"{prefix}.GpuModelSlug", "Choose a GPU model, or remove this row.");
            }
            else if (!context.GpuModelSlugs.Contains(slug))
            {
                errors.Add($"{prefix}.GpuModelSlug", $"There is no GPU model “{slug}”; add it to the GPU models first.");
            }
            else if (!seen.Add(slug))
            {
                errors.Add($"{prefix}.GpuModelSlug", "This GPU model is already listed.");
            }

            if (gpu.PerSession is { } perSession && (perSession < 1 || perSession > MaxGpusPerSession))
            {
                errors.Add($"{prefix}.PerSession", $"Enter from 1 to {MaxGpusPerSession} GPUs per session.");
            }

            Citation(errors, prefix, gpu.Note, gpu.SourceUrl, gpu.SourceTitle, gpu.AsOf, context.Today);
            MaxLength(errors, $"{prefix}.NoteZh", gpu.NoteZh, NoteMaxLength);
        }
    }

    private static void ValidateFeatures(Errors errors, List<FeatureEditModel> features, PlatformValidationContext context)
    {
        ListCount(errors, "Features", features.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < features.Count; i++)
        {
            var feature = features[i];
            var prefix = $"Features[{i}]";
            var key = feature.Key?.Trim();
            if (string.IsNullOrEmpty(key))
            {
                errors.Add($"{prefix}.Key", "Choose a feature, or remove this row.");
            }
            else if (!context.FeatureKeys.Contains(key))
            {
                errors.Add($"{prefix}.Key", $"There is no feature “{key}”.");
            }
            else if (!seen.Add(key))
            {
                errors.Add($"{prefix}.Key", "This feature is already listed.");
            }

            Citation(errors, prefix, feature.Note, feature.SourceUrl, feature.SourceTitle, feature.AsOf, context.Today);
            MaxLength(errors, $"{prefix}.NoteZh", feature.NoteZh, NoteMaxLength);
        }
    }

    private static void ValidateTextList(Errors errors, string key, List<string> items)
    {
        ListCount(errors, key, items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (IsBlank(items[i]))
            {
                errors.Add($"{key}[{i}]", "Enter some text, or remove this item.");
            }
            else
            {
                MaxLength(errors, $"{key}[{i}]", items[i], ListItemMaxLength);
            }
        }
    }

    private static void ValidateSources(Errors errors, List<SourceEditModel> sources, DateOnly today)
    {
        ListCount(errors, "Sources", sources.Count);
        for (var i = 0; i < sources.Count; i++)
        {
            var source = sources[i];
            if (IsBlank(source.Url))
            {
                errors.Add($"Sources[{i}].Url", "Enter the source's http(s) URL.");
            }
            else
            {
                Url(errors, $"Sources[{i}].Url", source.Url);
            }

            Required(errors, $"Sources[{i}].Title", source.Title, "Enter the source's title.");
            MaxLength(errors, $"Sources[{i}].Title", source.Title, SourceTitleMaxLength);
            MaxLength(errors, $"Sources[{i}].TitleZh", source.TitleZh, SourceTitleMaxLength);
            NotInFuture(errors, $"Sources[{i}].AccessedOn", source.AccessedOn, today);
        }
    }

    private static void ListCount(Errors errors, string key, int count)
    {
        if (count > MaxListItems)
        {
            errors.Add(key, $"List at most {MaxListItems} items.");
        }
    }

    private static void Required(Errors errors, string key, string? value, string message)
    {
        if (IsBlank(value))
        {
            errors.Add(key, message);
        }
    }

    private static void MaxLength(Errors errors, string key, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors.Add(key, $"Use at most {max.ToString("#,0", CultureInfo.InvariantCulture)} characters.");
        }
    }

    private static void Url(Errors errors, string key, string? value)
    {
        if (IsBlank(value))
        {
            return;
        }

        if (value!.Trim().Length > UrlMaxLength)
        {
            errors.Add(key, $"Use at most {UrlMaxLength.ToString("#,0", CultureInfo.InvariantCulture)} characters.");
        }
        else if (!IsHttpUrl(value))
        {
            errors.Add(key, "Enter a full web address starting with http:// or https://.");
        }
    }

    private static void NotInFuture(Errors errors, string key, DateOnly? date, DateOnly today)
    {
        if (date is { } value && value > today)
        {
            errors.Add(key, "Enter a date no later than today.");
        }
    }

    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

        public void Add(string key, string message)
        {
            if (!_errors.TryGetValue(key, out var messages))
            {
                _errors[key] = messages = [];
            }

            messages.Add(message);
        }

        public IReadOnlyDictionary<string, string[]> ToDictionary() =>
            _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }
}
