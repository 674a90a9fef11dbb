using System.Linq.Expressions;

using FreeGpuPortal.Web.Catalog.Editing;

namespace FreeGpuPortal.Web.Catalog;

/// <summary>How pages write a spec's number: most as a range in their unit, a few with words of their own.</summary>
public enum SpecDisplay
{
    /// <summary>"12–13 GB": the range in <see cref="SpecDefinition.UnitKey"/>.</summary>
    Range,

    /// <summary>The CPU count with the CPU model beside it.</summary>
    CpuCount,

    /// <summary>Storage, which may read "persistent" or "temporary" from its note.</summary>
    Storage,

    /// <summary>Minutes, written as hours from 60 up.</summary>
    Minutes,

    /// <summary>Weekly hours, read with the quota's kind: "no quota", or hours only when limited.</summary>
    WeeklyQuota,
}

/// <summary>
/// One numeric spec value of a platform (a <see cref="SpecValue"/> on the entity, a <see cref="SpecEditModel"/> on the
/// edit model) and everything that lists specs needs to know of it: the table, the platform page, the compare view, the
/// form and its sections, validation, history, freshness, the dataset, the API, the CSV, sorting, filters and
/// suggestions all read it from here. Its public names are part of the URL, API and CSV contracts and never change.
/// </summary>
public sealed class SpecDefinition
{
    private readonly Func<Platform, SpecValue?> _onEntity;

    internal SpecDefinition(
        Expression<Func<Platform, SpecValue?>> onEntity,
        Func<PlatformEditModel, SpecEditModel> onEditModel,
        Action<PlatformEditModel, SpecEditModel> setOnEditModel)
    {
        OnEntityExpression = onEntity;
        _onEntity = onEntity.Compile();
        OnEditModel = onEditModel;
        SetOnEditModel = setOnEditModel;
        Name = ((MemberExpression)onEntity.Body).Member.Name;
    }

    /// <summary>The property's name on the entity and the edit model, and the field's name in history and the form.</summary>
    public string Name { get; }

    /// <summary>The entity's property, for the database mapping.</summary>
    public Expression<Func<Platform, SpecValue?>> OnEntityExpression { get; }

    public Func<PlatformEditModel, SpecEditModel> OnEditModel { get; }

    public Action<PlatformEditModel, SpecEditModel> SetOnEditModel { get; }

    public SpecValue OnEntity(Platform platform) => _onEntity(platform) ?? throw new InvalidOperationException($"{Name} is null on {platform.Slug}.");

    /// <summary>The largest sane number, in the spec's unit; the smallest is 0.</summary>
    public required double Max { get; init; }

    /// <summary>True when the unit counts things (CPUs), so fractions are refused.</summary>
    public bool WholeNumber { get; init; }

    /// <summary>The unit in the English of validation messages and history ("GB", "hours").</summary>
    public required string Unit { get; init; }

    /// <summary>The resource key of the unit as pages write it after a number ("Unit.Gigabytes").</summary>
    public required string UnitKey { get; init; }

    public SpecDisplay Display { get; init; } = SpecDisplay.Range;

    /// <summary>The resource key of its column header and row label on public pages ("Column.Ram").</summary>
    public required string LabelKey { get; init; }

    /// <summary>The resource key of its name in the admin form and history.</summary>
    public string AdminLabelKey => "Admin.Field." + Name;

    /// <summary>The resource key of its name on the suggestion form.</summary>
    public string SuggestLabelKey => "Suggest.Field." + Name;

    /// <summary>Its label in history's English text ("RAM (GB)").</summary>
    public required string HistoryLabel { get; init; }

    /// <summary>The value of <c>data-column</c> on its table cells, and the key of its compare row ("ram").</summary>
    public required string Column { get; init; }

    /// <summary>Its property in the API's JSON ("ramGb"), also the JSON Pointer of its texts.</summary>
    public required string JsonName { get; init; }

    /// <summary>Its <c>sort=</c> key ("ramGb").</summary>
    public required string SortName { get; init; }

    /// <summary>Its place among the sort keys as the API documents them.</summary>
    public required int SortRank { get; init; }

    /// <summary>Its <c>min…</c> filter parameter, when visitors can filter by it.</summary>
    public string? FilterParameter { get; init; }

    /// <summary>The resource key of its filter's label ("Filters.MinSessionHours").</summary>
    public string FilterLabelKey => "Filters." + char.ToUpperInvariant(FilterParameter![0]) + FilterParameter[1..];

    /// <summary>The resource key of the "remove this filter" link when nothing matches ("NoResults.Filter.Session").</summary>
    public string RemoveFilterKey => "NoResults.Filter." + char.ToUpperInvariant(Column[0]) + Column[1..];

    /// <summary>What its filter does, in the API's documentation; given with <see cref="FilterParameter"/>.</summary>
    public string? FilterDescription { get; init; }

    /// <summary>An example value of its filter in the API's documentation.</summary>
    public string? FilterExample { get; init; }

    /// <summary>Its CSV columns: "{name} min ({unit})", "{name} max ({unit})".</summary>
    public required string CsvName { get; init; }

    /// <summary>The unit in its CSV headers, when it has one ("GB").</summary>
    public string? CsvUnit { get; init; }

    /// <summary>Its citation's CSV columns: "{name} source", "{name} as of".</summary>
    public required string CsvSourceName { get; init; }

    /// <summary>Whether visitors may suggest a correction of it (<c>?field=</c> takes <see cref="SuggestKey"/>).</summary>
    public bool Suggestable { get; init; } = true;

    /// <summary>Its name in suggestion URLs: the camel-case <see cref="Name"/>.</summary>
    public string SuggestKey => char.ToLowerInvariant(Name[0]) + Name[1..];

    /// <summary>
    /// Plain fields read as part of the value, by their edit model names (the CPU model with the CPU count): they sit
    /// in its form section, and a change of one counts as a change of the value.
    /// </summary>
    public IReadOnlyList<string> Companions { get; init; } = [];

    /// <summary>The companions' values, compared when deciding whether the value changed.</summary>
    public Func<PlatformEditModel, object?> CompanionValue { get; init; } = _ => null;

    /// <summary>
    /// When the value counts as stated (and its citation with it), where that is not simply "a number is known": the
    /// weekly quota's "no quota" is stated too.
    /// </summary>
    public Func<PlatformSummary, bool>? StatedWhen { get; init; }

    public bool IsStated(PlatformSummary platform) => StatedWhen?.Invoke(platform) ?? platform[this].IsKnown;

    public override string ToString() => Name;
}

/// <summary>The spec registry: every spec value of a platform, in the order pages show them.</summary>
public static class Specs
{
    public static SpecDefinition CpuCount { get; } = new SpecDefinition(p => p.CpuCount, m => m.CpuCount, (m, v) => m.CpuCount = v)
    {
        Max = 1024,
        WholeNumber = true,
        Unit = "CPUs",
        UnitKey = "Unit.Cpus",
        Display = SpecDisplay.CpuCount,
        LabelKey = "Column.Cpu",
        HistoryLabel = "CPU count",
        Column = "cpu",
        JsonName = "cpuCount",
        SortName = "cpuCores",
        SortRank = 5,
        CsvName = "CPUs",
        CsvSourceName = "CPU",
        Companions = [nameof(PlatformEditModel.CpuModel)],
        CompanionValue = m => m.CpuModel,
    };

    public static SpecDefinition RamGb { get; } = new SpecDefinition(p => p.RamGb, m => m.RamGb, (m, v) => m.RamGb = v)
    {
        Max = 100_000,
        Unit = "GB",
        UnitKey = "Unit.Gigabytes",
        LabelKey = "Column.Ram",
        HistoryLabel = "RAM (GB)",
        Column = "ram",
        JsonName = "ramGb",
        SortName = "ramGb",
        SortRank = 6,
        CsvName = "RAM",
        CsvUnit = "GB",
        CsvSourceName = "RAM",
    };

    public static SpecDefinition StorageGb { get; } = new SpecDefinition(p => p.StorageGb, m => m.StorageGb, (m, v) => m.StorageGb = v)
    {
        Max = 100_000,
        Unit = "GB",
        UnitKey = "Unit.Gigabytes",
        Display = SpecDisplay.Storage,
        LabelKey = "Column.Storage",
        HistoryLabel = "Storage (GB)",
        Column = "storage",
        JsonName = "storageGb",
        SortName = "storageGb",
        SortRank = 7,
        CsvName = "Storage",
        CsvUnit = "GB",
        CsvSourceName = "Storage",
        Companions = [nameof(PlatformEditModel.StorageNote)],
        CompanionValue = m => m.StorageNote,
    };

    public static SpecDefinition MaxSessionHours { get; } = new SpecDefinition(p => p.MaxSessionHours, m => m.MaxSessionHours, (m, v) => m.MaxSessionHours = v)
    {
        Max = 168,
        Unit = "hours",
        UnitKey = "Unit.Hours",
        LabelKey = "Column.MaxSession",
        HistoryLabel = "Session length (h)",
        Column = "session",
        JsonName = "maxSessionHours",
        SortName = "sessionHours",
        SortRank = 2,
        FilterParameter = "minSessionHours",
        FilterDescription = "Maximum execution time per session at least this many hours (compared by the guaranteed end of a range).",
        FilterExample = "9",
        CsvName = "Max session",
        CsvUnit = "h",
        CsvSourceName = "Max session",
    };

    public static SpecDefinition IdleTimeoutMinutes { get; } = new SpecDefinition(p => p.IdleTimeoutMinutes, m => m.IdleTimeoutMinutes, (m, v) => m.IdleTimeoutMinutes = v)
    {
        Max = 10_080,
        Unit = "minutes",
        UnitKey = "Unit.Minutes",
        Display = SpecDisplay.Minutes,
        LabelKey = "Column.IdleTimeout",
        HistoryLabel = "Idle timeout (min)",
        Column = "idle",
        JsonName = "idleTimeoutMinutes",
        SortName = "idleMinutes",
        SortRank = 3,
        FilterParameter = "minIdleMinutes",
        FilterDescription = "Idle timeout at least this many minutes (longer is better for the user).",
        FilterExample = "30",
        CsvName = "Idle timeout",
        CsvUnit = "min",
        CsvSourceName = "Idle timeout",
    };

    public static SpecDefinition WeeklyGpuHours { get; } = new SpecDefinition(p => p.WeeklyGpuHours, m => m.WeeklyGpuHours, (m, v) => m.WeeklyGpuHours = v)
    {
        Max = 168,
        Unit = "hours",
        UnitKey = "Unit.Hours",
        Display = SpecDisplay.WeeklyQuota,
        LabelKey = "Column.WeeklyQuota",
        HistoryLabel = "Weekly GPU hours",
        Column = "weekly",
        JsonName = "weeklyGpuHours",
        SortName = "weeklyGpuHours",
        SortRank = 4,
        FilterParameter = "minWeeklyGpuHours",
        FilterDescription = "At least this many GPU hours a week. A platform with no weekly quota counts as unlimited and always matches.",
        FilterExample = "30",
        CsvName = "Weekly GPU hours",
        CsvUnit = "h",
        CsvSourceName = "Weekly quota",
        Companions = [nameof(PlatformEditModel.WeeklyQuotaKind), nameof(PlatformEditModel.WeeklyQuotaResetRule)],
        CompanionValue = m => (m.WeeklyQuotaKind, m.WeeklyQuotaResetRule),
        // Its hours mean something only for a limited quota, but "no quota" is a stated, cited value too.
        StatedWhen = p => p.WeeklyQuotaKind != WeeklyQuotaKind.Unknown,
    };

    /// <summary>Every spec value, in the order the table, the platform page, the compare view and the form show them.</summary>
    public static IReadOnlyList<SpecDefinition> All { get; } = [CpuCount, RamGb, StorageGb, MaxSessionHours, IdleTimeoutMinutes, WeeklyGpuHours];

    private static readonly Dictionary<string, SpecDefinition> s_byName = All.ToDictionary(s => s.Name, StringComparer.Ordinal);

    /// <summary>The spec named <paramref name="name"/> (its property name), or null when it is not a spec.</summary>
    public static SpecDefinition? Find(string name) => s_byName.GetValueOrDefault(name);

    /// <summary>The spec named <paramref name="name"/>; throws for a name the registry does not know.</summary>
    public static SpecDefinition Get(string name) =>
        Find(name) ?? throw new ArgumentOutOfRangeException(nameof(name), name, "Not a spec value the registry knows.");
}
