using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.HardwareReports;

using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.Tests.HardwareReportsWeb;

/// <summary>Real pastes from the shared fixtures, and the report services registered as the app registers them.</summary>
internal static class ReportTestData
{
    public static string Fixture(string relativePath) =>
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "hardware-reports", relativePath));

    public static string ColabT4 => Fixture("nvidia-smi/t4-colab-550.54.15-empty-processes.txt");

    /// <summary>nvidia-smi (one T4), lscpu (2 logical CPUs, Xeon @ 2.20GHz) and MemTotal 13,290,452 KiB.</summary>
    public static string ColabSession =>
        ColabT4 + "\n" + Fixture("lscpu/colab-xeon-2.20-2cpu-md-export.txt") + "\nMemTotal:       13290452 kB\n";

    public static string NoDriver => Fixture("errors/couldnt-communicate-with-driver.txt");

    public static IServiceCollection AddReportServices(this IServiceCollection services)
    {
        services.AddSingleton<ReportSubmissions>();
        services.AddSingleton<ReportModeration>();
        services.AddSingleton<ReportStatistics>();
        return services;
    }

    /// <summary>Submits a report through the service, as the form's save step does, and returns its id.</summary>
    public static async Task<int> SubmitAsync(this ReportSubmissions submissions, string slug, string text, DateOnly date, string? note = null)
    {
        var platform = await submissions.FindPlatformAsync(slug) ?? throw new InvalidOperationException(slug);
        var result = await submissions.SaveAsync(platform, new ReportForm { Text = text, SessionDate = date, Note = note, Step = ReportForm.SaveStep });
        return result is ReportSaveResult.Saved saved ? saved.ReportId : throw new InvalidOperationException($"Not saved: {result}");
    }
}
