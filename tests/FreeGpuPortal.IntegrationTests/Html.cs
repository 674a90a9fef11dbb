namespace FreeGpuPortal.IntegrationTests;

public static class Html
{
    /// <summary>The slugs of the comparison table's rows, in page order.</summary>
    public static IReadOnlyList<string> PlatformRows(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "<tr data-platform=\"([^\"]+)\"").Select(m => m.Groups[1].Value)];
}
