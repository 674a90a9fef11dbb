using System.Diagnostics;

using FreeGpuPortal.Web.Hosting;

namespace FreeGpuPortal.BrowserTests.Published;

/// <summary>The shipped systemd unit, deploy/systemd/freegpuportal.service, as systemd itself reads it.</summary>
public sealed class ServiceUnitTests
{
    private static readonly string UnitFile = Path.Combine(PublishedBuild.RepositoryRoot(), "deploy", "systemd", "freegpuportal.service");

    [Fact]
    public async Task Systemd_analyze_verify_accepts_the_unit_without_a_warning()
    {
        var unit = await File.ReadAllTextAsync(UnitFile);
        var folder = Directory.CreateTempSubdirectory("freegpuportal-unit-").FullName;
        try
        {
            if (!File.Exists("/usr/bin/dotnet"))
            {
                // verify checks that ExecStart's program exists; the packages the recipe installs put dotnet at
                // /usr/bin/dotnet, a test machine may have it elsewhere on its PATH.
                unit = unit.Replace("/usr/bin/dotnet", DotnetOnPath(), StringComparison.Ordinal);
            }

            var copy = Path.Combine(folder, "freegpuportal.service");
            await File.WriteAllTextAsync(copy, unit);
            var (exitCode, output) = await PortalCommandLine.RunAsync(
                new ProcessStartInfo("systemd-analyze"), "", "verify", copy);

            Assert.True(exitCode == 0 && output.Trim().Length == 0, $"systemd-analyze verify ({exitCode}):\n{output}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_unit_does_not_restart_on_the_refusals_a_restart_cannot_cure_and_runs_hardened()
    {
        var lines = File.ReadAllLines(UnitFile);
        string Value(string key) => Assert.Single(lines, line => line.StartsWith(key + "=", StringComparison.Ordinal))[(key.Length + 1)..];

        var refusals = Enum.GetValues<StartupRefusalReason>()
            .Where(reason => reason != StartupRefusalReason.DatabaseUnreachable)
            .Select(reason => ((int)reason).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(refusals.Order(), Value("RestartPreventExitStatus").Split(' ').Order());
        Assert.Equal("on-failure", Value("Restart"));
        Assert.Equal("freegpuportal", Value("User"));
        Assert.Equal("strict", Value("ProtectSystem"));
        Assert.Equal("/var/lib/freegpuportal", Value("ReadWritePaths"));
        Assert.Equal("true", Value("NoNewPrivileges"));
    }

    private static string DotnetOnPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(directory => Path.Combine(directory, "dotnet"))
            .FirstOrDefault(File.Exists) ?? throw new InvalidOperationException("dotnet is not on the PATH.");
}
