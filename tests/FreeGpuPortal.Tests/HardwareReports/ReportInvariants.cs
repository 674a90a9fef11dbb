using FreeGpuPortal.HardwareReports;

namespace FreeGpuPortal.Tests.HardwareReports;

/// <summary>What must hold for every report, whatever was pasted.</summary>
internal static class ReportInvariants
{
    public static void AssertHold(HardwareReport report)
    {
        Assert.NotNull(report.Gpus);
        Assert.NotNull(report.Messages);
        Assert.NotEmpty(report.Messages);
        Assert.InRange(report.Messages.Count, 1, 40);
        Assert.All(report.Messages, m => Assert.False(string.IsNullOrWhiteSpace(m)));

        // The parser turns its own exceptions into this message; it must never be needed.
        Assert.DoesNotContain(report.Messages, m => m.Contains("internal error", StringComparison.Ordinal));

        if (report.TooLarge)
        {
            Assert.Empty(report.Gpus);
            Assert.Null(report.GpuCount);
            Assert.Null(report.Cpu);
            Assert.Null(report.MemTotalKiB);
            return;
        }

        Assert.InRange(report.Gpus.Count, 0, HardwareReportParser.MaxGpus);
        if (report.Gpus.Count > 0)
        {
            Assert.Equal(report.Gpus.Count, report.GpuCount);
        }
        else
        {
            Assert.True(report.GpuCount is null or 0, $"GpuCount {report.GpuCount} without GPUs");
        }

        foreach (ReportedGpu gpu in report.Gpus)
        {
            Assert.True(gpu.MemoryMiB is null or > 0, $"memory {gpu.MemoryMiB}");
            Assert.True(gpu.Name is null || IsSingleLine(gpu.Name), $"name '{gpu.Name}'");
        }

        AssertVersion(report.DriverVersion);
        AssertVersion(report.CudaVersion);
        Assert.True(report.MemTotalKiB is null or > 0);
        if (report.Cpu is ReportedCpu cpu)
        {
            Assert.True(cpu.Model is null || IsSingleLine(cpu.Model), $"model '{cpu.Model}'");
            Assert.True(cpu.LogicalCpus is null or > 0);
            Assert.True(cpu.ThreadsPerCore is null or > 0);
            Assert.True(cpu.Sockets is null or > 0);
            Assert.True(cpu.Model is not null || cpu.LogicalCpus is not null || cpu.ThreadsPerCore is not null || cpu.Sockets is not null, "empty cpu object");
        }
    }

    private static bool IsSingleLine(string s) =>
        s.Length is > 0 and <= 256 && s.Trim().Length == s.Length && !s.Contains('\n') && !s.Contains('\r') && !s.Contains('\0');

    private static void AssertVersion(string? version)
    {
        if (version is null)
        {
            return;
        }

        Assert.InRange(version.Length, 3, 32);
        Assert.True(char.IsAsciiDigit(version[0]) && char.IsAsciiDigit(version[^1]), version);
        Assert.All(version, c => Assert.True(char.IsAsciiDigit(c) || c == '.', version));
    }
}
