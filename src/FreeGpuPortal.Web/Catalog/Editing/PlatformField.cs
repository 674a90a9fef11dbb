using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FreeGpuPortal.Web.Catalog.Editing;

// The fields an edit records, and the one JSON shape of their values.

/// <summary>
/// The fields of <see cref="PlatformEditModel"/> as history sees them: each top-level property with a label for
/// people, a JSON value for comparing and reverting, and a display text. A spec value, the GPU options or the
/// pros are each one field, so a revert restores a value together with its note, source and date.
/// </summary>
public sealed class PlatformField
{
    private readonly Func<PlatformEditModel, object?> _get;
    private readonly Action<PlatformEditModel, string> _setFromJson;
    private readonly Func<PlatformEditModel, string> _display;

    private PlatformField(
        string name, string label, bool isSpec, Func<PlatformEditModel, object?> get,
        Action<PlatformEditModel, string> setFromJson, Func<PlatformEditModel, string> display)
    {
        Name = name;
        Label = label;
        IsSpec = isSpec;
        _get = get;
        _setFromJson = setFromJson;
        _display = display;
    }

    /// <summary>The edit model's property name, e.g. <c>IdleTimeoutMinutes</c>.</summary>
    public string Name { get; }

    /// <summary>How people call it, e.g. "Idle timeout".</summary>
    public string Label { get; }

    /// <summary>A spec value: changing its numbers needs evidence.</summary>
    public bool IsSpec { get; }

    public string Json(PlatformEditModel model) => JsonSerializer.Serialize(_get(model), EditJson.Options);

    public string Display(PlatformEditModel model) => _display(model);

    public void SetFromJson(PlatformEditModel model, string json) => _setFromJson(model, json);

    /// <summary>
    /// The part of the value that needs evidence when it changes: the numbers of a spec (not its note or citation),
    /// which GPUs and how many, which features are offered, the kind of weekly quota.
    /// </summary>
    public string? EvidenceRelevantJson(PlatformEditModel model) => Name switch
    {
        nameof(PlatformEditModel.Gpus) => JsonSerializer.Serialize(
            model.Gpus.Select(g => new { g.GpuModelSlug, g.PerSession }).OrderBy(g => g.GpuModelSlug, StringComparer.Ordinal), EditJson.Options),
        nameof(PlatformEditModel.Features) => JsonSerializer.Serialize(
            model.Features.Select(f => new { f.Key, f.Available }).OrderBy(f => f.Key, StringComparer.Ordinal), EditJson.Options),
        nameof(PlatformEditModel.WeeklyQuotaKind) => model.WeeklyQuotaKind.ToString(),
        _ when _get(model) is SpecEditModel spec => JsonSerializer.Serialize(new { spec.Min, spec.Max }, EditJson.Options),
        _ => null,
    };

    /// <summary>
    /// Every field in form order. Each spec of the registry stands where the form shows it; a spec placed nowhere
    /// below comes last, so a new spec is never missing from history.
    /// </summary>
    public static IReadOnlyList<PlatformField> All { get; } = WithEverySpec(
    [
        Text(nameof(PlatformEditModel.Slug), "Slug", m => m.Slug, (m, v) => m.Slug = v ?? ""),
        Text(nameof(PlatformEditModel.Name), "Name", m => m.Name, (m, v) => m.Name = v ?? ""),
        Text(nameof(PlatformEditModel.Vendor), "Vendor", m => m.Vendor, (m, v) => m.Vendor = v),
        Text(nameof(PlatformEditModel.Summary), "Summary", m => m.Summary, (m, v) => m.Summary = v),
        Text(nameof(PlatformEditModel.SummaryZh), "Summary (Chinese)", m => m.SummaryZh, (m, v) => m.SummaryZh = v),
        Text(nameof(PlatformEditModel.Website), "Website", m => m.Website, (m, v) => m.Website = v),
        Of(nameof(PlatformEditModel.Status), "Status", false, m => m.Status, (m, v) => m.Status = v, v => v.ToString()),
        Text(nameof(PlatformEditModel.SuccessorSlug), "Successor", m => m.SuccessorSlug, (m, v) => m.SuccessorSlug = v),
        Text(nameof(PlatformEditModel.GpuAvailabilityNote), "GPU availability", m => m.GpuAvailabilityNote, (m, v) => m.GpuAvailabilityNote = v),
        Text(nameof(PlatformEditModel.GpuAvailabilityNoteZh), "GPU availability (Chinese)", m => m.GpuAvailabilityNoteZh, (m, v) => m.GpuAvailabilityNoteZh = v),
        Spec(Specs.CpuCount),
        Text(nameof(PlatformEditModel.CpuModel), "CPU model", m => m.CpuModel, (m, v) => m.CpuModel = v),
        Spec(Specs.RamGb),
        Spec(Specs.StorageGb),
        Text(nameof(PlatformEditModel.StorageNote), "Storage note", m => m.StorageNote, (m, v) => m.StorageNote = v),
        Text(nameof(PlatformEditModel.StorageNoteZh), "Storage note (Chinese)", m => m.StorageNoteZh, (m, v) => m.StorageNoteZh = v),
        Spec(Specs.MaxSessionHours),
        Spec(Specs.IdleTimeoutMinutes),
        Of(nameof(PlatformEditModel.WeeklyQuotaKind), "Weekly quota", true, m => m.WeeklyQuotaKind, (m, v) => m.WeeklyQuotaKind = v, v => v.ToString()),
        Spec(Specs.WeeklyGpuHours),
        Text(nameof(PlatformEditModel.WeeklyQuotaResetRule), "Weekly quota reset", m => m.WeeklyQuotaResetRule, (m, v) => m.WeeklyQuotaResetRule = v),
        Text(nameof(PlatformEditModel.WeeklyQuotaResetRuleZh), "Weekly quota reset (Chinese)", m => m.WeeklyQuotaResetRuleZh, (m, v) => m.WeeklyQuotaResetRuleZh = v),
        Of(nameof(PlatformEditModel.Gpus), "GPU options", true, m => m.Gpus, (m, v) => m.Gpus = v ?? [], DisplayGpus),
        Of(nameof(PlatformEditModel.Features), "Features", true, m => m.Features, (m, v) => m.Features = v ?? [], DisplayFeatures),
        Of(nameof(PlatformEditModel.Pros), "Pros", false, m => m.Pros, (m, v) => m.Pros = v ?? [], DisplayList),
        Of(nameof(PlatformEditModel.ProsZh), "Pros (Chinese)", false, m => m.ProsZh, (m, v) => m.ProsZh = v ?? [], DisplayList),
        Of(nameof(PlatformEditModel.Cons), "Cons", false, m => m.Cons, (m, v) => m.Cons = v ?? [], DisplayList),
        Of(nameof(PlatformEditModel.ConsZh), "Cons (Chinese)", false, m => m.ConsZh, (m, v) => m.ConsZh = v ?? [], DisplayList),
        Of(nameof(PlatformEditModel.GettingStarted), "Getting started", false, m => m.GettingStarted, (m, v) => m.GettingStarted = v ?? [], DisplayList),
        Of(nameof(PlatformEditModel.GettingStartedZh), "Getting started (Chinese)", false, m => m.GettingStartedZh, (m, v) => m.GettingStartedZh = v ?? [], DisplayList),
        Of(nameof(PlatformEditModel.Sources), "Sources", false, m => m.Sources, (m, v) => m.Sources = v ?? [], DisplaySources),
        Of(nameof(PlatformEditModel.LastVerifiedOn), "Last verified", false, m => m.LastVerifiedOn, (m, v) => m.LastVerifiedOn = v, DisplayDate),
    ]);

    private static readonly Dictionary<string, PlatformField> s_byName = All.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static PlatformField? Find(string name) => s_byName.GetValueOrDefault(name);

    /// <summary>The fields whose values differ between two edit models, in form order.</summary>
    public static IReadOnlyList<PlatformField> Changed(PlatformEditModel before, PlatformEditModel after) =>
        [.. All.Where(f => f.Json(before) != f.Json(after))];

    private static PlatformField Text(string name, string label, Func<PlatformEditModel, string?> get, Action<PlatformEditModel, string?> set) =>
        Of(name, label, false, get, set, v => string.IsNullOrEmpty(v) ? NotStated : v);

    private static PlatformField Spec(SpecDefinition spec) =>
        Of(spec.Name, spec.HistoryLabel, true, spec.OnEditModel, (m, v) => spec.SetOnEditModel(m, v ?? new SpecEditModel()), DisplaySpec);

    private static IReadOnlyList<PlatformField> WithEverySpec(IReadOnlyList<PlatformField> placed) =>
        [.. placed, .. Specs.All.Where(s => !placed.Any(f => f.Name == s.Name)).Select(Spec)];

    private static PlatformField Of<T>(
        string name, string label, bool isSpec, Func<PlatformEditModel, T> get, Action<PlatformEditModel, T> set, Func<T, string> display) =>
        new(name, label, isSpec, m => get(m), (m, json) => set(m, JsonSerializer.Deserialize<T>(json, EditJson.Options)!), m => display(get(m)));

    private const string NotStated = "not stated";

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string DisplayDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? NotStated;

    private static string Citation(string? note, string? noteZh, string? url, string? title, DateOnly? asOf)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(note))
        {
            parts.Add($"“{note}”");
        }

        if (!string.IsNullOrEmpty(noteZh))
        {
            parts.Add($"Chinese: “{noteZh}”");
        }

        if (!string.IsNullOrEmpty(url) || !string.IsNullOrEmpty(title))
        {
            parts.Add("source: " + string.Join(" ", new[] { title, url is null ? null : $"<{url}>" }.Where(p => !string.IsNullOrEmpty(p))));
        }

        if (asOf is { } date)
        {
            parts.Add("as of " + DisplayDate(date));
        }

        return parts.Count == 0 ? "" : " (" + string.Join("; ", parts) + ")";
    }

    private static string DisplaySpec(SpecEditModel spec)
    {
        var number = (spec.Min, spec.Max) switch
        {
            (null, null) => NotStated,
            ({ } min, { } max) when min == max => Number(min),
            ({ } min, { } max) => $"{Number(min)}–{Number(max)}",
            ({ } min, null) => $"at least {Number(min)}",
            (null, { } max) => $"up to {Number(max)}",
        };
        return number + Citation(spec.Note, spec.NoteZh, spec.SourceUrl, spec.SourceTitle, spec.AsOf);
    }

    private static string DisplayGpus(List<GpuOptionEditModel> gpus) => gpus.Count == 0
        ? "none"
        : string.Join("; ", gpus.Select(g =>
            $"{g.GpuModelSlug}{(g.PerSession is { } n ? $" ×{n}" : "")}{Citation(g.Note, g.NoteZh, g.SourceUrl, g.SourceTitle, g.AsOf)}"));

    private static string DisplayFeatures(List<FeatureEditModel> features) => features.Count == 0
        ? "none"
        : string.Join("; ", features.Select(f =>
            $"{f.Key}: {(f.Available ? "yes" : "no")}{Citation(f.Note, f.NoteZh, f.SourceUrl, f.SourceTitle, f.AsOf)}"));

    private static string DisplayList(List<string> items) => items.Count == 0 ? "none" : string.Join("; ", items);

    private static string DisplaySources(List<SourceEditModel> sources) => sources.Count == 0
        ? "none"
        : string.Join("; ", sources.Select(s => $"{s.Title}{(string.IsNullOrEmpty(s.TitleZh) ? "" : $" / {s.TitleZh}")} <{s.Url}>{(s.AccessedOn is { } d ? $" (accessed {DisplayDate(d)})" : "")}"));
}

/// <summary>The one JSON shape of edit values: what history stores and what a revert reads back.</summary>
public static class EditJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.Strict,
    };
}
