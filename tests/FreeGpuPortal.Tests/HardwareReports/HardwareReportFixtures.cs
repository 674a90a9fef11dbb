using System.Text.Json;

namespace FreeGpuPortal.Tests.HardwareReports;

/// <summary>
/// The real command outputs under tests/fixtures/hardware-reports, found from the test binaries by walking up to the
/// solution file, so they are read in place and never copied.
/// </summary>
internal static class HardwareReportFixtures
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string Root => s_root.Value;

    /// <summary>Every fixture text file, as a path relative to <see cref="Root"/> with '/' separators, sorted.</summary>
    public static IReadOnlyList<string> TextFiles() =>
        [.. Directory.EnumerateFiles(Root, "*.txt", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    public static string ReadText(string relativeTxt) => File.ReadAllText(Path.Combine(Root, relativeTxt));

    /// <summary>The "expected" object of the .json next to a fixture.</summary>
    public static JsonElement ReadExpected(string relativeTxt)
    {
        string json = File.ReadAllText(Path.Combine(Root, Path.ChangeExtension(relativeTxt, ".json")));
        using JsonDocument doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("expected").Clone();
    }

    public static JsonElement ReadIndex()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "index.json")));
        return doc.RootElement.Clone();
    }

    private static string FindRoot()
    {
        DirectoryInfo? dir = new(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FreeGpuPortal.sln")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            throw new InvalidOperationException($"No FreeGpuPortal.sln above {AppContext.BaseDirectory}; cannot locate the fixtures.");
        }

        return Path.Combine(dir.FullName, "tests", "fixtures", "hardware-reports");
    }
}
