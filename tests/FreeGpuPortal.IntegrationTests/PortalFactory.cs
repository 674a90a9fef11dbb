using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FreeGpuPortal.IntegrationTests;

/// <summary>
/// The real app on a real SQLite file in a fresh data directory of its own, migrated and seeded at start-up
/// exactly as in production.
/// </summary>
public sealed class PortalFactory : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "freegpuportal-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Serilog:File:Enabled", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on a slow machine: the OS temp cleaner gets it later.
        }
    }
}

public static class Html
{
    /// <summary>The slugs of the comparison table's rows, in page order.</summary>
    public static IReadOnlyList<string> PlatformRows(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "<tr data-platform=\"([^\"]+)\"").Select(m => m.Groups[1].Value)];
}
