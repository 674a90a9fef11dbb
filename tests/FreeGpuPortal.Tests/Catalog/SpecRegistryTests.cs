using System.Globalization;
using System.Reflection;
using System.Text.Json;

using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Api;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Components.Admin;
using FreeGpuPortal.Web.Suggestions;

using SortKey = FreeGpuPortal.Web.Catalog.SortKey;

namespace FreeGpuPortal.Tests.Catalog;

/// <summary>
/// The spec registry is the one list of spec values: everything that lists specs reads it, so a spec is defined once
/// and cannot be left out of one list; its public names are the URL, API and CSV contracts and stay exactly as they are.
/// </summary>
public sealed class SpecRegistryTests : IDisposable
{
    private readonly (CultureInfo, CultureInfo) _saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = _saved;

    [Fact]
    public void The_public_names_are_the_contract_of_today()
    {
        Assert.Equal(
            [
                "CpuCount cpu cpuCount cpuCores -",
                "RamGb ram ramGb ramGb -",
                "StorageGb storage storageGb storageGb -",
                "MaxSessionHours session maxSessionHours sessionHours minSessionHours",
                "IdleTimeoutMinutes idle idleTimeoutMinutes idleMinutes minIdleMinutes",
                "WeeklyGpuHours weekly weeklyGpuHours weeklyGpuHours minWeeklyGpuHours",
            ],
            Specs.All.Select(s => $"{s.Name} {s.Column} {s.JsonName} {s.SortName} {s.FilterParameter ?? "-"}"));
        Assert.Equal(
            ["name", "gpuMemoryGb", "sessionHours", "idleMinutes", "weeklyGpuHours", "cpuCores", "ramGb", "storageGb", "lastVerified"],
            SortKey.All.Select(k => k.Name));
        Assert.Equal(
            ["cpuCount", "ramGb", "storageGb", "maxSessionHours", "idleTimeoutMinutes", "weeklyGpuHours"],
            SuggestableField.All.Select(f => f.Key));
        Assert.Equal(
            [
                "Slug", "Name", "Vendor", "Status", "Renamed to", "GPU models", "GPU memory min (GB)", "GPU memory max (GB)",
                "CPUs min", "CPUs max", "CPU model", "RAM min (GB)", "RAM max (GB)", "Storage min (GB)", "Storage max (GB)", "Storage note",
                "Max session min (h)", "Max session max (h)", "Idle timeout min (min)", "Idle timeout max (min)",
                "Weekly quota", "Weekly GPU hours min (h)", "Weekly GPU hours max (h)", "Weekly quota reset",
                "Features", "Pros", "Cons", "Last verified", "Page", "GPU source", "GPU as of", "CPU source", "CPU as of",
                "RAM source", "RAM as of", "Storage source", "Storage as of", "Max session source", "Max session as of",
                "Idle timeout source", "Idle timeout as of", "Weekly quota source", "Weekly quota as of",
            ],
            PlatformCsv.Headers);
    }

    [Fact]
    public void A_name_the_registry_does_not_know_throws_instead_of_falling_back_to_another_spec()
    {
        Assert.Null(Specs.Find("GpuHoursPerFortnight"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Specs.Get("GpuHoursPerFortnight"));
        Assert.Throws<ArgumentOutOfRangeException>(() => ValueSources.NoteAtRisk("GpuHoursPerFortnight", new PlatformEditModel(), new PlatformEditModel()));
        Assert.Null(SortKey.Find("gpuHoursPerFortnight"));
    }

    [Fact]
    public void Every_public_name_is_unique()
    {
        foreach (var names in new[]
        {
            Specs.All.Select(s => s.Name), Specs.All.Select(s => s.Column), Specs.All.Select(s => s.JsonName),
            Specs.All.Select(s => s.SortName), Specs.All.Select(s => s.CsvName), PlatformCsv.Headers,
        })
        {
            Assert.Equal(names.Count(), names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        }
    }

    [Fact]
    public void Every_spec_reaches_each_list_that_reads_the_registry()
    {
        var dtoProperties = typeof(PlatformDto).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var spec in Specs.All)
        {
            Assert.Contains(PlatformField.All, f => f.Name == spec.Name && f.IsSpec);
            Assert.Contains(spec.Name, PlatformFormSections.Keys);
            Assert.Equal(spec.Name, PlatformFormSections.Of($"{spec.Name}.Min"));
            Assert.All(spec.Companions, companion => Assert.Equal(spec.Name, PlatformFormSections.Of(companion)));
            Assert.Same(spec, SortKey.For(spec).Spec);
            Assert.Contains($"{spec.CsvSourceName} source", PlatformCsv.Headers);
            Assert.Contains(PlatformCsv.Headers, h => h.StartsWith($"{spec.CsvName} min", StringComparison.Ordinal));
            // The API's JSON shape is written by hand on purpose (a value is published by choice), but never without a spec.
            Assert.Contains(spec.JsonName, dtoProperties);
        }
    }

    [Fact]
    public void The_accessors_reach_the_same_property_on_the_entity_and_the_edit_model()
    {
        var platform = new Platform { Slug = "p", Name = "P" };
        var values = Specs.All.Select((spec, i) => (spec, value: 10.0 + i)).ToList();
        foreach (var (spec, value) in values)
        {
            spec.OnEntity(platform).Min = value;
        }

        var model = PlatformEditModel.From(platform);
        foreach (var (spec, value) in values)
        {
            Assert.Equal(value, spec.OnEditModel(model).Min);
            Assert.Equal(value, typeof(PlatformEditModel).GetProperty(spec.Name)!.GetValue(model) is SpecEditModel edit ? edit.Min : null);
            Assert.Equal(value, PlatformSummary.From(platform)[spec].Min);
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public void Every_text_a_spec_names_is_in_both_languages(string culture)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        foreach (var spec in Specs.All)
        {
            string[] keys =
            [
                spec.LabelKey, spec.AdminLabelKey, spec.SuggestLabelKey, spec.UnitKey,
                .. spec.FilterParameter is null ? Array.Empty<string>() : [spec.FilterLabelKey, spec.RemoveFilterKey],
            ];
            Assert.All(keys, key => Assert.False(PortalLocalizer.Shared[key].ResourceNotFound, $"{spec.Name}: {key} ({culture})"));
        }
    }

    [Fact]
    public async Task The_database_maps_every_spec_of_the_registry()
    {
        await using var catalog = await SqliteCatalog.CreateSeededAsync();
        await using var db = await catalog.ContextFactory.CreateDbContextAsync();
        var mapped = db.Model.FindEntityType(typeof(Platform))!.GetComplexProperties().Select(p => p.Name);

        Assert.Equal(Specs.All.Select(s => s.Name).Order(StringComparer.Ordinal), mapped.Order(StringComparer.Ordinal));
    }
}
