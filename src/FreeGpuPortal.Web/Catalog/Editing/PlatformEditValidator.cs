using System.Globalization;
using System.Text.RegularExpressions;

using Microsoft.Extensions.Localization;

namespace FreeGpuPortal.Web.Catalog.Editing;

// Checking a platform's form values, and why a spec number is refused.

/// <summary>
/// The admin form's rules for a platform and a GPU model, keyed by field path as the form names its inputs; an
/// empty answer means valid. Pure: it reads the model and never changes it, so a form can run it on every keystroke.
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


    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    /// <summary>
    /// The form's problems, keyed by field path, each message in the culture of <paramref name="localizer"/> (the
    /// request's). Empty means valid.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> Validate(
        PlatformEditModel model, ChangeEvidence? evidence, PlatformValidationContext context, IStringLocalizer<SharedResource> localizer) =>
        Collect(model, evidence, context).ToDictionary(localizer);

    /// <summary>The field paths <see cref="Validate"/> would refuse, for a caller that needs no message.</summary>
    public static IReadOnlySet<string> InvalidFields(PlatformEditModel model, ChangeEvidence? evidence, PlatformValidationContext context) =>
        Collect(model, evidence, context).Keys;

    private static Errors Collect(PlatformEditModel model, ChangeEvidence? evidence, PlatformValidationContext context)
    {
        var errors = new Errors();

        ValidateSlug(errors, "Slug", model.Slug, context.SlugsInUse);
        Required(errors, "Name", model.Name, "Edit.Error.NameRequired");
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

        foreach (var spec in Specs.All)
        {
            ValidateSpec(errors, spec, spec.OnEditModel(model), context.Today);
        }

        if (!Enum.IsDefined(model.WeeklyQuotaKind))
        {
            errors.Add("WeeklyQuotaKind", "Edit.Error.WeeklyQuotaKindRequired");
        }
        else if (model.WeeklyQuotaKind != WeeklyQuotaKind.Limited && (model.WeeklyGpuHours.Min is not null || model.WeeklyGpuHours.Max is not null))
        {
            errors.Add("WeeklyGpuHours.Min", "Edit.Error.WeeklyHoursNeedLimitedQuota");
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

        // A number that is not finite is already refused above, and cannot be compared as JSON: the evidence can wait.
        if (context.RequireEvidenceForSpecChanges && IsBlank(evidence?.EvidenceUrl) && IsBlank(evidence?.Note) && AllFinite(model))
        {
            var before = context.Before ?? new PlatformEditModel();
            var changedSpecs = PlatformField.All
                .Where(f => f.IsSpec && f.EvidenceRelevantJson(before) != f.EvidenceRelevantJson(model))
                .ToList();
            if (changedSpecs.Count > 0)
            {
                errors.Add("Evidence.EvidenceUrl", "Edit.Error.SpecChangeNeedsEvidence", new FieldLabels(changedSpecs));
            }
        }

        return errors;
    }

    /// <summary>
    /// The rules for a GPU model of the reference list, on its form and in a catalog file; keys are
    /// <see cref="GpuModelEditModel"/>'s properties. <paramref name="slugsInUse"/> holds the other models' slugs; a
    /// source's as-of date after <paramref name="today"/> (UTC) is refused, when it is given.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> ValidateGpuModel(
        GpuModelEditModel model, IReadOnlySet<string> slugsInUse, IStringLocalizer<SharedResource> localizer, DateOnly? today = null)
    {
        var errors = new Errors();
        ValidateSlug(errors, "Slug", model.Slug, slugsInUse);
        Required(errors, "Name", model.Name, "Edit.Error.NameRequired");
        MaxLength(errors, "Name", model.Name, NameMaxLength);
        MaxLength(errors, "Vendor", model.Vendor, NameMaxLength);
        MaxLength(errors, "Architecture", model.Architecture, NameMaxLength);
        MaxLength(errors, "MemoryType", model.MemoryType, NameMaxLength);
        MaxLength(errors, "Note", model.Note, NoteMaxLength);
        MaxLength(errors, "NoteZh", model.NoteZh, NoteMaxLength);
        Number(errors, "MemoryGb", model.MemoryGb, MaxGpuMemoryGb, "GB", wholeNumber: false);
        Url(errors, "SourceUrl", model.SourceUrl);
        MaxLength(errors, "SourceTitle", model.SourceTitle, SourceTitleMaxLength);
        MaxLength(errors, "SourceTitleZh", model.SourceTitleZh, SourceTitleMaxLength);
        if (today is { } day)
        {
            NotInFuture(errors, "SourceAsOf", model.SourceAsOf, day);
        }

        return errors.ToDictionary(localizer);
    }

    /// <summary>
    /// The evidence of a GPU model's add, edit or delete: a model's facts reach every platform offering it, so each
    /// change needs an evidence URL or a note, as an import changing them does. Keys are <c>Evidence.EvidenceUrl</c>
    /// and <c>Evidence.Note</c>, as the platform form names them.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> ValidateGpuModelEvidence(ChangeEvidence? evidence, IStringLocalizer<SharedResource> localizer)
    {
        var errors = new Errors();
        Url(errors, "Evidence.EvidenceUrl", evidence?.EvidenceUrl);
        MaxLength(errors, "Evidence.Note", evidence?.Note, NoteMaxLength);
        if (IsBlank(evidence?.EvidenceUrl) && IsBlank(evidence?.Note))
        {
            errors.Add("Evidence.EvidenceUrl", "GpuModels.Error.NeedsEvidence");
        }

        return errors.ToDictionary(localizer);
    }

    public static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    public static bool IsSlug(string? value) =>
        value is not null && value.Length <= SlugMaxLength && SlugPattern().IsMatch(value);

    private static bool IsBlank(string? value) => string.IsNullOrWhiteSpace(value);

    private static bool AllFinite(PlatformEditModel model) =>
        Specs.All.All(rule => rule.OnEditModel(model) is var spec && (spec.Min is not { } min || double.IsFinite(min)) && (spec.Max is not { } max || double.IsFinite(max)));

    private static void ValidateSlug(Errors errors, string key, string? slug, IReadOnlySet<string> slugsInUse)
    {
        var value = slug?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(key, "Edit.Error.SlugRequired");
        }
        else if (value.Length > SlugMaxLength)
        {
            errors.Add(key, "Edit.Error.TooLong", SlugMaxLength.ToString("#,0", CultureInfo.InvariantCulture));
        }
        else if (!SlugPattern().IsMatch(value))
        {
            errors.Add(key, "Edit.Error.SlugPattern");
        }
        else if (slugsInUse.Contains(value))
        {
            errors.Add(key, "Edit.Error.SlugInUse", value);
        }
    }

    private static void ValidateStatus(Errors errors, PlatformEditModel model)
    {
        if (!Enum.IsDefined(model.Status))
        {
            errors.Add("Status", "Edit.Error.StatusRequired");
            return;
        }

        var successor = model.SuccessorSlug?.Trim();
        if (model.Status == PlatformStatus.Renamed)
        {
            if (string.IsNullOrEmpty(successor))
            {
                errors.Add("SuccessorSlug", "Edit.Error.SuccessorRequired");
            }
            else if (!IsSlug(successor) && !IsHttpUrl(successor))
            {
                errors.Add("SuccessorSlug", "Edit.Error.SuccessorInvalid");
            }
            else
            {
                MaxLength(errors, "SuccessorSlug", successor, UrlMaxLength);
            }
        }
        else if (!string.IsNullOrEmpty(successor))
        {
            errors.Add("SuccessorSlug", "Edit.Error.SuccessorOnlyWhenRenamed");
        }
    }

    private static void ValidateSpec(Errors errors, SpecDefinition rule, SpecEditModel spec, DateOnly today)
    {
        var minOk = Number(errors, $"{rule.Name}.Min", spec.Min, rule.Max, rule.Unit, rule.WholeNumber);
        var maxOk = Number(errors, $"{rule.Name}.Max", spec.Max, rule.Max, rule.Unit, rule.WholeNumber);
        if (minOk && maxOk && spec.Min is { } min && spec.Max is { } max && min > max)
        {
            errors.Add($"{rule.Name}.Max", "Edit.Error.MaxBelowMin");
        }

        Citation(errors, rule.Name, spec.Note, spec.SourceUrl, spec.SourceTitle, spec.AsOf, today);
        MaxLength(errors, $"{rule.Name}.NoteZh", spec.NoteZh, NoteMaxLength);
    }

    private static bool Number(Errors errors, string key, double? value, double max, string unit, bool wholeNumber)
    {
        switch (CheckNumber(value, max, wholeNumber))
        {
            case SpecNumberProblem.NotFinite:
                errors.Add(key, "Edit.Error.NotFinite");
                return false;
            case SpecNumberProblem.OutOfRange:
                errors.Add(key, OutOfRangeKey(unit), max.ToString("#,0", CultureInfo.InvariantCulture));
                return false;
            case SpecNumberProblem.NotWhole:
                errors.Add(key, NotWholeKey(unit));
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
                errors.Add($"{prefix}.GpuModelSlug", "Edit.Error.GpuModelRequired");
            }
            else if (!context.GpuModelSlugs.Contains(slug))
            {
                errors.Add($"{prefix}.GpuModelSlug", "Edit.Error.GpuModelUnknown", slug);
            }
            else if (!seen.Add(slug))
            {
                errors.Add($"{prefix}.GpuModelSlug", "Edit.Error.GpuModelListed");
            }

            if (gpu.PerSession is { } perSession && (perSession < 1 || perSession > MaxGpusPerSession))
            {
                errors.Add($"{prefix}.PerSession", "Edit.Error.GpusPerSession", MaxGpusPerSession);
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
                errors.Add($"{prefix}.Key", "Edit.Error.FeatureRequired");
            }
            else if (!context.FeatureKeys.Contains(key))
            {
                errors.Add($"{prefix}.Key", "Edit.Error.FeatureUnknown", key);
            }
            else if (!seen.Add(key))
            {
                errors.Add($"{prefix}.Key", "Edit.Error.FeatureListed");
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
                errors.Add($"{key}[{i}]", "Edit.Error.ListItemRequired");
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
                errors.Add($"Sources[{i}].Url", "Edit.Error.SourceUrlRequired");
            }
            else
            {
                Url(errors, $"Sources[{i}].Url", source.Url);
            }

            Required(errors, $"Sources[{i}].Title", source.Title, "Edit.Error.SourceTitleRequired");
            MaxLength(errors, $"Sources[{i}].Title", source.Title, SourceTitleMaxLength);
            MaxLength(errors, $"Sources[{i}].TitleZh", source.TitleZh, SourceTitleMaxLength);
            NotInFuture(errors, $"Sources[{i}].AccessedOn", source.AccessedOn, today);
        }
    }

    private static void ListCount(Errors errors, string key, int count)
    {
        if (count > MaxListItems)
        {
            errors.Add(key, "Edit.Error.TooManyItems", MaxListItems);
        }
    }

    private static void Required(Errors errors, string key, string? value, string messageKey)
    {
        if (IsBlank(value))
        {
            errors.Add(key, messageKey);
        }
    }

    private static void MaxLength(Errors errors, string key, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors.Add(key, "Edit.Error.TooLong", max.ToString("#,0", CultureInfo.InvariantCulture));
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
            errors.Add(key, "Edit.Error.TooLong", UrlMaxLength.ToString("#,0", CultureInfo.InvariantCulture));
        }
        else if (!IsHttpUrl(value))
        {
            errors.Add(key, "Edit.Error.UrlNotHttp");
        }
    }

    private static void NotInFuture(Errors errors, string key, DateOnly? date, DateOnly today)
    {
        if (date is { } value && value > today)
        {
            errors.Add(key, "Edit.Error.DateInFuture");
        }
    }

    /// <summary>The resource key of the out-of-range message for a spec unit (each unit reads differently in Chinese).</summary>
    public static string OutOfRangeKey(string unit) => "Edit.Error.OutOfRange." + unit;

    /// <summary>The resource key of the not-a-whole-number message for a unit that counts things.</summary>
    public static string NotWholeKey(string unit) => "Edit.Error.NotWhole." + unit;

    /// <summary>
    /// A field as the admin form labels it, in the localizer's language: its input's label, or for a list (GPU
    /// options, features) its section's; the field's own English label only when neither is known.
    /// </summary>
    public static string FieldLabel(PlatformField field, IStringLocalizer<SharedResource> localizer) =>
        localizer["Admin.Field." + field.Name] is { ResourceNotFound: false } label ? label.Value
        : localizer["Edit.Field." + field.Name] is { ResourceNotFound: false } section ? section.Value
        : field.Label;

    /// <summary>The spec fields an evidence message names, each by the admin form's label in the message's language.</summary>
    private sealed record FieldLabels(IReadOnlyList<PlatformField> Fields)
    {
        public string In(IStringLocalizer<SharedResource> localizer) =>
            string.Join(localizer["Edit.ListSeparator"], Fields.Select(f => FieldLabel(f, localizer)));
    }

    /// <summary>Problems as resource keys and arguments, turned into messages only when a caller wants them.</summary>
    private sealed class Errors
    {
        private readonly Dictionary<string, List<(string MessageKey, object[] Arguments)>> _errors = new(StringComparer.Ordinal);

        public IReadOnlySet<string> Keys => _errors.Keys.ToHashSet(StringComparer.Ordinal);

        public void Add(string key, string messageKey, params object[] arguments)
        {
            if (!_errors.TryGetValue(key, out var messages))
            {
                _errors[key] = messages = [];
            }

            messages.Add((messageKey, arguments));
        }

        public IReadOnlyDictionary<string, string[]> ToDictionary(IStringLocalizer<SharedResource> localizer) =>
            _errors.ToDictionary(
                e => e.Key,
                e => e.Value.Select(m => localizer[m.MessageKey, [.. m.Arguments.Select(a => a is FieldLabels labels ? labels.In(localizer) : a)]].Value).ToArray(),
                StringComparer.Ordinal);
    }
}

/// <summary>Why a spec number is refused (see <see cref="PlatformEditValidator.CheckNumber"/>).</summary>
public enum SpecNumberProblem
{
    NotFinite,
    OutOfRange,
    NotWhole,
}
