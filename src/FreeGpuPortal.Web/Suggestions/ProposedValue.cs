using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Catalog.Editing;

namespace FreeGpuPortal.Web.Suggestions;

// A suggested value, and what kind of value it says.

/// <summary>
/// A suggested value in the admin form's terms: a <see cref="SpecEditModel"/>'s range (a single value has min = max),
/// unknown (both ends empty), or, for the weekly quota, "no quota".
/// </summary>
public sealed record ProposedValue(ProposedKind Kind, double? Min, double? Max)
{
    /// <summary>Writes the value into <paramref name="model"/> as an admin typing it into the platform form would.</summary>
    public void ApplyTo(PlatformEditModel model, SuggestableField field)
    {
        var spec = field.Rule.OnEditModel(model);
        spec.Min = Kind == ProposedKind.Value ? Min : null;
        spec.Max = Kind == ProposedKind.Value ? Max : null;
        if (field.IsWeeklyQuota)
        {
            model.WeeklyQuotaKind = Kind switch
            {
                ProposedKind.Value => WeeklyQuotaKind.Limited,
                ProposedKind.NoQuota => WeeklyQuotaKind.NoQuota,
                _ => WeeklyQuotaKind.Unknown,
            };
        }
    }

    /// <summary>The value <paramref name="model"/> holds now for <paramref name="field"/>, in the same terms.</summary>
    public static ProposedValue Of(PlatformEditModel model, SuggestableField field)
    {
        var spec = field.Rule.OnEditModel(model);
        if (field.IsWeeklyQuota && model.WeeklyQuotaKind == WeeklyQuotaKind.NoQuota)
        {
            return new(ProposedKind.NoQuota, null, null);
        }

        return spec.Min is null && spec.Max is null
            ? new(ProposedKind.Unknown, null, null)
            : new(ProposedKind.Value, spec.Min, spec.Max);
    }
}

/// <summary>What a suggested value says: a number or range, that the value is not stated anywhere, or that there is no weekly quota.</summary>
public enum ProposedKind
{
    Value,
    Unknown,
    NoQuota,
}
