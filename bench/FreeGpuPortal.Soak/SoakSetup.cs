using System.Text.Json;

namespace FreeGpuPortal.Soak;

/// <summary>What the load varies over: the catalog's slugs (from the API) and the pasted reports of the test fixtures.</summary>
public static class SoakSetup
{
    public static async Task<IReadOnlyList<string>> SlugsAsync(HttpClient client)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync("/api/v1/platforms?status=all"));
        var slugs = document.RootElement.GetProperty("platforms").EnumerateArray()
            .Select(p => p.GetProperty("slug").GetString()!)
            .ToList();
        return slugs.Count > 0 ? slugs : throw new InvalidOperationException("The catalog has no platforms.");
    }

    /// <summary>Every <c>*.txt</c> under the fixtures folder (nvidia-smi, lscpu, meminfo, error outputs).</summary>
    public static IReadOnlyList<string> Pastes(string fixturesFolder)
    {
        var pastes = Directory.EnumerateFiles(fixturesFolder, "*.txt", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToList();
        return pastes.Count > 0 ? pastes : throw new InvalidOperationException($"No *.txt pastes under {fixturesFolder}.");
    }
}
