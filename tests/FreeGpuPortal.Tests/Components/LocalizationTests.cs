using System.Text.RegularExpressions;
using System.Xml.Linq;

using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Localization;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace FreeGpuPortal.Tests.Components;

/// <summary>
/// Every text key the components ask for exists in Resources/SharedResource.resx: literal keys (<c>L["Key"]</c>)
/// and interpolated ones (<c>L[$"Status.{platform.Status}"]</c>), checked for every value of the enum they name.
/// </summary>
public sealed partial class LocalizationTests
{
    /// <summary>Interpolated key prefixes, and the enum whose every value completes them.</summary>
    private static readonly Dictionary<string, Type> s_interpolatedKeys = new(StringComparer.Ordinal)
    {
        ["Status."] = typeof(PlatformStatus),
        ["Notice."] = typeof(QueryProblem),
        ["Admin.Transfer.Kind."] = typeof(FreeGpuPortal.Web.Catalog.Transfer.PlatformImportKind),
        ["Storage.NotSaved."] = typeof(FreeGpuPortal.Web.Operations.StorageProblem),
        ["Admin.Refused."] = typeof(FreeGpuPortal.Web.Accounts.AdminRefusal),
        ["Suggestions.Outcome."] = typeof(FreeGpuPortal.Web.Suggestions.SuggestionStatus),
        ["Reports.Meanwhile."] = typeof(FreeGpuPortal.Web.HardwareReports.ReportStatus),
        ["Admin.Transfer.Reference."] = typeof(FreeGpuPortal.Web.Catalog.Transfer.ReferenceTable),
        ["History.Reference."] = typeof(FreeGpuPortal.Web.Catalog.Transfer.ReferenceTable),
        ["ServiceStatus.Summary."] = typeof(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus),
        ["ServiceStatus.State."] = typeof(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus),
        ["ServiceStatus.Backups."] = typeof(FreeGpuPortal.Web.Operations.BackupArrangement),
    };

    private static string ComponentsDirectory => Path.Combine(RepositoryPaths.WebProject, "Components");

    private static HashSet<string> ResourceKeys() =>
        XDocument.Load(Path.Combine(RepositoryPaths.WebProject, "Resources", "SharedResource.resx"))
            .Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<(string File, string Source)> ComponentSources() =>
        Directory.EnumerateFiles(ComponentsDirectory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(RepositoryPaths.WebProject, f), File.ReadAllText(f)));

    [GeneratedRegex(@"\b[Ll]\[""([^""]+)""")]
    private static partial Regex LiteralKey();

    [GeneratedRegex(@"\b[Ll]\[\$""([^""{]*)\{[^}]+\}([^""]*)""")]
    private static partial Regex InterpolatedKey();

    [Fact]
    public void Every_literal_key_used_by_a_component_exists()
    {
        var keys = ResourceKeys();
        var used = ComponentSources()
            .SelectMany(s => LiteralKey().Matches(s.Source).Select(m => (s.File, Key: m.Groups[1].Value)))
            .ToList();

        Assert.True(used.Count > 50, $"only {used.Count} keys found: is the pattern still right?");
        Assert.Contains(used, u => u.Key == "Spec.NotStated");
        var missing = used.Where(u => !keys.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct().ToList();
        Assert.True(missing.Count == 0, "Missing resource keys:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_interpolated_key_exists_for_every_enum_value()
    {
        var keys = ResourceKeys();
        var used = ComponentSources()
            .SelectMany(s => InterpolatedKey().Matches(s.Source).Select(m => (s.File, Prefix: m.Groups[1].Value, Suffix: m.Groups[2].Value)))
            .ToList();

        Assert.Contains(used, u => u.Prefix == "Status.");
        Assert.Contains(used, u => u.Prefix == "Notice.");
        var missing = new List<string>();
        foreach (var (file, prefix, suffix) in used)
        {
            Assert.True(
                s_interpolatedKeys.TryGetValue(prefix, out var enumType) && suffix.Length == 0,
                $"{file} builds a key L[$\"{prefix}{{…}}{suffix}\"]: tell this test which values complete it.");
            missing.AddRange(Enum.GetNames(enumType!).Select(n => prefix + n).Where(k => !keys.Contains(k)).Select(k => $"{file}: {k}"));
        }

        Assert.True(missing.Count == 0, "Missing resource keys:\n" + string.Join("\n", missing.Distinct()));
    }

    [Fact]
    public void Every_property_a_reference_change_names_has_a_label()
    {
        var keys = ResourceKeys();
        var labels = FreeGpuPortal.Web.Catalog.Transfer.ReferenceField.KnownProperties
            .Select(p => new FreeGpuPortal.Web.Catalog.Transfer.ReferenceField(FreeGpuPortal.Web.Catalog.Transfer.ReferenceTable.GpuModel, "x", p).PropertyLabelKey)
            .ToList();

        Assert.Equal(14, labels.Count);
        Assert.All(labels, key => Assert.Contains(key, keys));
    }

    [Fact]
    public void The_localizer_reads_the_resource_file_the_test_checks()
    {
        using var services = new ServiceCollection()
            .AddLogging()
            .AddPortalLocalization()
            .BuildServiceProvider();
        var localizer = services.GetRequiredService<IStringLocalizer<SharedResource>>();

        var notStated = localizer["Spec.NotStated"];
        Assert.False(notStated.ResourceNotFound);
        Assert.Equal("not stated", notStated.Value);
        Assert.Equal(ResourceKeys().Count, localizer.GetAllStrings(includeParentCultures: true).Count());
    }
}
