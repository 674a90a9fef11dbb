using System.Globalization;
using System.Security.Cryptography;
using System.Text;

using FreeGpuPortal.Web.Catalog.Editing;

namespace FreeGpuPortal.Web.Suggestions;

/// <summary>
/// The rules of a suggested correction. The value passes the admin form's own rules: each number through
/// <see cref="PlatformEditValidator.CheckNumber"/> with the field's bounds and unit, and the platform with the value
/// applied through <see cref="PlatformEditValidator.InvalidFields"/>, so nothing a visitor may suggest could not be saved
/// by an admin. The evidence is an http(s) URL, as the admin form's evidence.
/// </summary>
public static class SuggestionRules
{
    public const int NoteMaxLength = PlatformEditValidator.NoteMaxLength;
    public const int UrlMaxLength = PlatformEditValidator.UrlMaxLength;
    public const int NumberMaxLength = 32;
    public const int RejectionReasonMaxLength = 300;

    /// <summary>
    /// Checks the form. <paramref name="current"/> is the platform as saved (null when unknown): with it, a value equal
    /// to the current one is refused, and the platform with the value applied must pass the admin form's validation.
    /// </summary>
    public static SuggestionCheck Check(SuggestionForm form, PlatformEditModel? current = null, PlatformValidationContext? context = null)
    {
        var errors = new List<SuggestionError>();
        var field = SuggestableField.Find(form.Field);
        if (field is null)
        {
            errors.Add(new SuggestionError(nameof(SuggestionForm.Field), "Suggest.Error.FieldRequired"));
        }

        var proposed = field is null ? null : ReadValue(form, field, errors);

        var evidence = form.EvidenceUrl?.Trim();
        if (string.IsNullOrEmpty(evidence))
        {
            errors.Add(new SuggestionError(nameof(SuggestionForm.EvidenceUrl), "Suggest.Error.EvidenceRequired"));
        }
        else if (evidence.Length > UrlMaxLength)
        {
            errors.Add(new SuggestionError(nameof(SuggestionForm.EvidenceUrl), "Suggest.Error.EvidenceTooLong", UrlMaxLength));
        }
        else if (!PlatformEditValidator.IsHttpUrl(evidence))
        {
            errors.Add(new SuggestionError(nameof(SuggestionForm.EvidenceUrl), "Suggest.Error.EvidenceNotHttp"));
        }

        if (form.Note?.Trim() is { } note && note.Length > NoteMaxLength)
        {
            errors.Add(new SuggestionError(nameof(SuggestionForm.Note), "Suggest.Error.NoteTooLong", NoteMaxLength, note.Length));
        }

        if (field is not null && proposed is not null && current is not null)
        {
            if (ProposedValue.Of(current, field) == proposed)
            {
                errors.Add(new SuggestionError(nameof(SuggestionForm.From), "Suggest.Error.SameAsNow"));
            }
            else if (context is not null && !PassesAdminRules(current, field, proposed, context))
            {
                errors.Add(new SuggestionError(nameof(SuggestionForm.From), "Suggest.Error.NotSavable"));
            }
        }

        return new SuggestionCheck(errors, field, errors.Count == 0 ? proposed : null);
    }

    /// <summary>Whether the platform with the value applied passes every rule of the admin form for that value.</summary>
    public static bool PassesAdminRules(PlatformEditModel current, SuggestableField field, ProposedValue proposed, PlatformValidationContext context)
    {
        var model = current.Clone();
        proposed.ApplyTo(model, field);
        var evidence = new ChangeEvidence { EvidenceUrl = "https://example.org/evidence" };
        var invalid = PlatformEditValidator.InvalidFields(model, evidence, context with { Before = current });
        return !invalid.Any(key => AdminForm.Group(key) == field.Name || (field.IsWeeklyQuota && key == nameof(PlatformEditModel.WeeklyQuotaKind)));
    }

    /// <summary>Platform, field, value and evidence URL: what makes two submissions the same one.</summary>
    public static string Fingerprint(int platformId, SuggestableField field, ProposedValue proposed, string evidenceUrl) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n',
            platformId.ToString(CultureInfo.InvariantCulture),
            field.Name,
            proposed.Kind.ToString(),
            proposed.Min?.ToString("R", CultureInfo.InvariantCulture) ?? "",
            proposed.Max?.ToString("R", CultureInfo.InvariantCulture) ?? "",
            evidenceUrl.Trim()))));

    /// <summary>An unguessable token for an outcome link: 24 random bytes, URL-safe base64 (32 characters).</summary>
    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    /// <summary>Whether <paramref name="token"/> has the shape of one <see cref="NewToken"/> makes (checked before any lookup).</summary>
    public static bool IsTokenShaped(string? token) =>
        token is { Length: 32 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>A rejection needs a short reason: the visitor reads it on the outcome page.</summary>
    public static string? RejectionReasonProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "Suggestions.Reject.ReasonRequired"
        : reason.Trim().Length > RejectionReasonMaxLength ? "Suggestions.Reject.ReasonTooLong"
        : null;

    private static ProposedValue? ReadValue(SuggestionForm form, SuggestableField field, List<SuggestionError> errors)
    {
        switch (form.Kind)
        {
            case SuggestionForm.UnknownKind:
                return new ProposedValue(ProposedKind.Unknown, null, null);
            case SuggestionForm.NoQuotaKind when field.IsWeeklyQuota:
                return new ProposedValue(ProposedKind.NoQuota, null, null);
            case SuggestionForm.NoQuotaKind:
                errors.Add(new SuggestionError(nameof(SuggestionForm.Kind), "Suggest.Error.NoQuotaOnlyWeekly"));
                return null;
            case SuggestionForm.ValueKind or null or "":
                break;
            default:
                errors.Add(new SuggestionError(nameof(SuggestionForm.Kind), "Suggest.Error.KindRequired"));
                return null;
        }

        var from = Number(form.From, nameof(SuggestionForm.From), field, errors, required: true);
        var to = Number(form.To, nameof(SuggestionForm.To), field, errors, required: false);
        if (from is null || (to is null && !string.IsNullOrWhiteSpace(form.To)))
        {
            return null;
        }

        if (to is { } max && max < from)
        {
            errors.Add(new SuggestionError(nameof(SuggestionForm.To), "Suggest.Error.ToBelowFrom"));
            return null;
        }

        return new ProposedValue(ProposedKind.Value, from, to ?? from);
    }

    private static double? Number(string? text, string formField, SuggestableField field, List<SuggestionError> errors, bool required)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                errors.Add(new SuggestionError(formField, "Suggest.Error.ValueRequired"));
            }

            return null;
        }

        if (value.Length > NumberMaxLength
            || !double.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            errors.Add(new SuggestionError(formField, "Suggest.Error.NotANumber"));
            return null;
        }

        switch (PlatformEditValidator.CheckNumber(number, field.Rule.Max, field.Rule.WholeNumber))
        {
            case SpecNumberProblem.NotWhole:
                errors.Add(new SuggestionError(formField, "Suggest.Error.NotWhole"));
                return null;
            case SpecNumberProblem.NotFinite:
                errors.Add(new SuggestionError(formField, "Suggest.Error.NotANumber"));
                return null;
            case SpecNumberProblem.OutOfRange:
                errors.Add(new SuggestionError(formField, "Suggest.Error.OutOfRange", field.Rule.Max.ToString("#,0", CultureInfo.InvariantCulture)));
                return null;
            default:
                return number;
        }
    }

    /// <summary>How the admin form groups validation keys (<c>MaxSessionHours.Min</c> belongs to <c>MaxSessionHours</c>).</summary>
    private static class AdminForm
    {
        public static string Group(string path)
        {
            var dot = path.IndexOf('.', StringComparison.Ordinal);
            return dot < 0 ? path : path[..dot];
        }
    }
}
