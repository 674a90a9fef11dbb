using System.Text.RegularExpressions;
using System.Xml.Linq;

using FreeGpuPortal.Tests.Support;

namespace FreeGpuPortal.Tests.HardwareReportsWeb;

/// <summary>
/// Every text key of the hardware-report feature exists: the components' <c>L["…"]</c> keys (including those outside
/// Components/) and the message keys the services hand to the pages.
/// </summary>
public sealed partial class ReportTextTests
{
    [GeneratedRegex(@"\bL\[""([^""]+)""")]
    private static partial Regex LiteralKey();

    [GeneratedRegex(@"""((?:Report|Reports|Admin\.Field)\.[A-Za-z.]+)""")]
    private static partial Regex ServiceKey();

    [Fact]
    public void Every_key_the_feature_uses_exists_in_the_resource_file()
    {
        var web = RepositoryPaths.WebProject;
        var keys = XDocument.Load(Path.Combine(web, "Resources", "SharedResource.resx")).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        var components = Directory.EnumerateFiles(Path.Combine(web, "HardwareReports"), "*.razor")
            .Concat([
                Path.Combine(web, "Components", "Pages", "Platforms", "ReportPage.razor"),
                Path.Combine(web, "Components", "Pages", "Platforms", "WhatPeopleGot.razor"),
                Path.Combine(web, "Components", "Pages", "Admin", "ReportsModeration.razor"),
            ]);
        var services = Directory.EnumerateFiles(Path.Combine(web, "HardwareReports"), "*.cs");

        var used = components.SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Concat(services.SelectMany(f => ServiceKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)))
            .Distinct()
            .ToList();

        Assert.True(used.Count > 80, $"only {used.Count} keys found");
        Assert.Contains("Report.Error.TooLarge", used);
        Assert.Contains("Admin.Field.RamGb", used);
        Assert.DoesNotContain(used, k => !keys.Contains(k));
    }
}
