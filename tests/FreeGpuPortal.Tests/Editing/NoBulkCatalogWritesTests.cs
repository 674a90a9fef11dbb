using System.Text.RegularExpressions;

using FreeGpuPortal.Tests.Support;

namespace FreeGpuPortal.Tests.Editing;

/// <summary>
/// Bulk statements and raw SQL bypass SaveChanges, and with it the audit guard. The app's source must not use them,
/// so the guard covers every path that writes the catalog.
/// </summary>
public sealed partial class NoBulkCatalogWritesTests
{
    [GeneratedRegex(@"\b(ExecuteUpdate|ExecuteDelete|ExecuteSql\w*|SqlQuery\w*|FromSql\w*)\b")]
    private static partial Regex BulkOrRawSql();

    [Fact]
    public void The_web_app_never_writes_around_savechanges()
    {
        var sources = Directory.EnumerateFiles(RepositoryPaths.WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(sources, f => f.EndsWith("CatalogEditor.cs", StringComparison.Ordinal));

        var offenders = sources
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(RepositoryPaths.WebProject, f), Line: i + 1, Text: line)))
            .Where(l => BulkOrRawSql().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.Empty(offenders);
    }
}
