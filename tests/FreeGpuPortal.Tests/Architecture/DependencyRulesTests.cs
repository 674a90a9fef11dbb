using System.Text.RegularExpressions;

using FreeGpuPortal.HardwareReports;
using FreeGpuPortal.Tests.Support;

namespace FreeGpuPortal.Tests.Architecture;

/// <summary>
/// The rules of the house's map (docs/architecture.md), read from the source itself: only the composition root
/// (<c>Program.cs</c> and <c>Hosting/</c>) and the UI (<c>Components/</c>) may use <c>Components</c>; the hardware-report
/// parser stands on the base class library alone, so it can be used and tested without the web; history entries are
/// made in one place; admin pages act through one runner.
/// </summary>
public sealed partial class DependencyRulesTests
{
    [GeneratedRegex(@"^\s*(global\s+)?using\s+(static\s+)?(\w+\s*=\s*)?FreeGpuPortal\.Web\.Components\b", RegexOptions.Multiline)]
    private static partial Regex UsingComponents();

    /// <summary>Files of the web project outside the UI and the composition root that name Components in a using.</summary>
    public static IReadOnlyList<string> FilesBreakingTheUiRule(string webProject)
    {
        static bool IsAllowed(string relative) =>
            relative == "Program.cs"
            || relative.StartsWith("Components" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || relative.StartsWith("Hosting" + Path.DirectorySeparatorChar, StringComparison.Ordinal);

        return [.. Directory.EnumerateFiles(webProject, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(webProject, path))
            .Where(relative => !relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(relative => !IsAllowed(relative))
            .Where(relative => UsingComponents().IsMatch(File.ReadAllText(Path.Combine(webProject, relative))))
            .Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void Only_the_composition_root_and_the_UI_use_Components()
    {
        Assert.True(Directory.Exists(Path.Combine(RepositoryPaths.WebProject, "Catalog")), RepositoryPaths.WebProject);
        Assert.Empty(FilesBreakingTheUiRule(RepositoryPaths.WebProject));
    }

    [Fact]
    public void The_rule_catches_a_Catalog_file_that_uses_Components()
    {
        // A copy of the web project's layout with one offending file: the rule must name it.
        var copy = Directory.CreateTempSubdirectory("architecture-rule-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(copy, "Catalog"));
            Directory.CreateDirectory(Path.Combine(copy, "Hosting"));
            File.WriteAllText(Path.Combine(copy, "Catalog", "Offending.cs"), "using FreeGpuPortal.Web.Components.Catalog;\nnamespace X;\n");
            File.WriteAllText(Path.Combine(copy, "Catalog", "Fine.cs"), "using FreeGpuPortal.Web.Data;\n// FreeGpuPortal.Web.Components in a comment\n");
            File.WriteAllText(Path.Combine(copy, "Hosting", "Root.cs"), "using FreeGpuPortal.Web.Components;\n");

            Assert.Equal([Path.Combine("Catalog", "Offending.cs")], FilesBreakingTheUiRule(copy));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [GeneratedRegex(@"new\s+(CatalogChange|CatalogFieldChange)\b|\b(CatalogChange|CatalogFieldChange)\s+\w+\s*=\s*new\s*\(")]
    private static partial Regex MakesHistoryRows();

    [Fact]
    public void History_entries_are_made_in_HistoryWriter_alone()
    {
        var writer = Path.Combine("Catalog", "Editing", "HistoryWriter.cs");
        var makers = Directory.EnumerateFiles(RepositoryPaths.WebProject, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryPaths.WebProject, path))
            .Where(relative => !relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(relative => MakesHistoryRows().IsMatch(File.ReadAllText(Path.Combine(RepositoryPaths.WebProject, relative))))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal([writer], makers);
        Assert.Matches(MakesHistoryRows(), "var change = new CatalogChange { Kind = kind };");
        Assert.Matches(MakesHistoryRows(), "CatalogFieldChange row = new() { Field = name };");
    }

    [GeneratedRegex(@"\bAdminAuthorityResult\b")]
    private static partial Regex ReadsAdminAuthority();

    [Fact]
    public void Admin_pages_act_through_the_action_runner_alone()
    {
        // Reading an authority result is what deciding to act (or to show a refusal) takes: outside the accounts
        // themselves, only the session that fetches it and the runner that acts on it may, so no page grows its own
        // copy of the busy flag, the check and the refusal again.
        var readers = Directory.EnumerateFiles(RepositoryPaths.WebProject, "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".razor", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(RepositoryPaths.WebProject, path))
            .Where(relative => !relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !relative.StartsWith("Accounts" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(relative => ReadsAdminAuthority().IsMatch(File.ReadAllText(Path.Combine(RepositoryPaths.WebProject, relative))))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(
            [Path.Combine("Components", "Admin", "AdminActionRunner.cs"), Path.Combine("Components", "Admin", "AdminSession.cs")],
            readers);
        Assert.Matches(ReadsAdminAuthority(), "if (authority is AdminAuthorityResult.Refused refused)");
    }

    [Fact]
    public void The_hardware_report_parser_references_only_the_base_class_library()
    {
        var references = typeof(HardwareReportParser).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(
            name is "netstandard" or "mscorlib" || name.StartsWith("System", StringComparison.Ordinal),
            $"The parser references {name}, which is not part of the base class library."));
        var project = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "FreeGpuPortal.HardwareReports", "FreeGpuPortal.HardwareReports.csproj"));
        Assert.DoesNotContain("PackageReference", project, StringComparison.Ordinal);
        Assert.DoesNotContain("ProjectReference", project, StringComparison.Ordinal);
    }
}
