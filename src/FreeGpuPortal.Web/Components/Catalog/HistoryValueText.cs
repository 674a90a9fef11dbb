using System.Text.Json;

using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Catalog.Transfer;

using Microsoft.Extensions.Localization;

namespace FreeGpuPortal.Web.Components.Catalog;

/// <summary>
/// A history field's value in the words and units of the pages — "no quota", "1 × Tesla K80", "Cloud storage
/// integration: yes", sources as links — read from the typed JSON the history keeps, not from the text stored
/// with it. Null JSON (a field's old value when the platform was created) gives no parts.
/// </summary>
public static class HistoryValueText
{
    public static IReadOnlyList<ValuePart> Describe(string field, string? json, CatalogNames names, IStringLocalizer l)
    {
        if (json is null)
        {
            return [];
        }

        var parts = new List<ValuePart>();
        try
        {
            if (Specs.Find(field) is { } spec)
            {
                // History shows the number alone: the CPU model, storage note and quota kind are fields of their own.
                Spec(parts, Read<SpecEditModel>(json), v => spec.Display == SpecDisplay.Minutes
                    ? SpecText.Minutes(new SpecValue { Min = v.Min, Max = v.Max }, l)
                    : SpecText.Range(v.Min, v.Max, l[spec.UnitKey]), l);
                return parts;
            }

            switch (field)
            {
                case nameof(PlatformEditModel.WeeklyQuotaKind):
                    parts.Add(new(Read<WeeklyQuotaKind>(json) switch
                    {
                        WeeklyQuotaKind.NoQuota => l["Spec.NoWeeklyQuota"],
                        WeeklyQuotaKind.Limited => l["History.Value.QuotaLimited"],
                        _ => l["Spec.NotStated"],
                    }));
                    break;
                case nameof(PlatformEditModel.Status):
                    parts.Add(new(l[$"Status.{Read<PlatformStatus>(json)}"]));
                    break;
                case nameof(PlatformEditModel.LastVerifiedOn):
                    parts.Add(new(Read<DateOnly?>(json) is { } date ? SpecText.Date(date) : l["Spec.NotStated"]));
                    break;
                case nameof(PlatformEditModel.Gpus):
                    Items(parts, Read<List<GpuOptionEditModel>>(json) ?? [], gpu =>
                    {
                        var name = names.GpuModels.GetValueOrDefault(gpu.GpuModelSlug, gpu.GpuModelSlug);
                        parts.Add(new(gpu.PerSession is { } n ? $"{n} × {name}" : name));
                        Citation(parts, gpu.Note, gpu.NoteZh, gpu.SourceUrl, gpu.SourceTitle, gpu.AsOf, l);
                    }, l);
                    break;
                case nameof(PlatformEditModel.Features):
                    Items(parts, Read<List<FeatureEditModel>>(json) ?? [], feature =>
                    {
                        var name = names.Features.GetValueOrDefault(feature.Key, feature.Key);
                        parts.Add(new($"{name}: {(feature.Available ? l["Feature.Yes"] : l["Feature.No"])}"));
                        Citation(parts, feature.Note, feature.NoteZh, feature.SourceUrl, feature.SourceTitle, feature.AsOf, l);
                    }, l);
                    break;
                case nameof(PlatformEditModel.Sources):
                    Items(parts, Read<List<SourceEditModel>>(json) ?? [], source => parts.Add(new(source.Title.Length > 0 ? source.Title : source.Url, source.Url)), l);
                    break;
                case nameof(PlatformEditModel.Pros) or nameof(PlatformEditModel.Cons) or nameof(PlatformEditModel.GettingStarted)
                    or nameof(PlatformEditModel.ProsZh) or nameof(PlatformEditModel.ConsZh) or nameof(PlatformEditModel.GettingStartedZh):
                    Items(parts, Read<List<string>>(json) ?? [], item => parts.Add(new(item)), l);
                    break;
                case nameof(PlatformEditModel.Website):
                    parts.Add(Read<string>(json) is { Length: > 0 } url ? new(url, PlatformEditValidator.IsHttpUrl(url) ? url : null) : new(l["Spec.NotStated"]));
                    break;
                case var reference when ReferenceField.Parse(reference) is { Property: nameof(GpuModelEntry.MemoryGb) }:
                    parts.Add(Read<double?>(json) is { } memory ? new($"{SpecText.Number(memory)} {l["Unit.Gigabytes"]}") : new(l["Spec.NotStated"]));
                    break;
                case var reference when ReferenceField.Parse(reference) is { Property: nameof(GpuModelEntry.SourceAsOf) }:
                    parts.Add(new(Read<DateOnly?>(json) is { } asOf ? SpecText.Date(asOf) : l["Spec.NotStated"]));
                    break;
                default:
                    parts.Add(new(Read<string>(json) is { Length: > 0 } text ? text : l["Spec.NotStated"]));
                    break;
            }
        }
        catch (JsonException)
        {
            // A value stored in a shape this version does not read: say so rather than show raw JSON.
            parts.Clear();
            parts.Add(new(l["History.Value.Unreadable"]));
        }

        return parts;
    }

    private static T? Read<T>(string json) => JsonSerializer.Deserialize<T>(json, EditJson.Options);

    private static void Spec(List<ValuePart> parts, SpecEditModel? spec, Func<SpecEditModel, string?> text, IStringLocalizer l)
    {
        spec ??= new SpecEditModel();
        parts.Add(new(text(spec) ?? l["Spec.NotStated"]));
        Citation(parts, spec.Note, spec.NoteZh, spec.SourceUrl, spec.SourceTitle, spec.AsOf, l);
    }

    private static void Items<T>(List<ValuePart> parts, List<T> items, Action<T> describe, IStringLocalizer l)
    {
        if (items.Count == 0)
        {
            parts.Add(new(l["History.Value.None"]));
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                parts.Add(new("; "));
            }

            describe(items[i]);
        }
    }

    /// <summary>" (“note”; source: Title; as of 4 May 2026)", with the source as a link.</summary>
    private static void Citation(List<ValuePart> parts, string? note, string? noteZh, string? url, string? title, DateOnly? asOf, IStringLocalizer l)
    {
        var pieces = new List<List<ValuePart>>();
        if (!string.IsNullOrEmpty(note))
        {
            pieces.Add([new($"“{note}”")]);
        }

        if (!string.IsNullOrEmpty(noteZh))
        {
            pieces.Add([new($"{l["History.Value.NoteZh"]}: “{noteZh}”")]);
        }

        if (!string.IsNullOrEmpty(url) || !string.IsNullOrEmpty(title))
        {
            pieces.Add([new($"{l["Source.Label"]}: "), new(title ?? url!, url)]);
        }

        if (asOf is { } date)
        {
            pieces.Add([new($"{l["History.Value.AsOf"]} {SpecText.Date(date)}")]);
        }

        if (pieces.Count == 0)
        {
            return;
        }

        parts.Add(new(" ("));
        for (var i = 0; i < pieces.Count; i++)
        {
            if (i > 0)
            {
                parts.Add(new("; "));
            }

            parts.AddRange(pieces[i]);
        }

        parts.Add(new(")"));
    }
}
