using System.Diagnostics;

namespace FreeGpuPortal.BrowserTests;

/// <summary>Runs the published portal's own command line (<c>admin create …</c>, <c>backup …</c>) as an operator would.</summary>
public static class PortalCommandLine
{
    /// <summary>
    /// Starts <paramref name="start"/> (the portal's process settings) with <paramref name="arguments"/>, writes
    /// <paramref name="standardInput"/> (a password, say) to its standard input and returns its exit code and output.
    /// A command that has not ended within <paramref name="timeout"/> is killed and reported with exit code -1.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        ProcessStartInfo start, string standardInput, TimeSpan timeout, params string[] arguments)
    {
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        try
        {
            await process.StandardInput.WriteLineAsync(standardInput);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The command ended (or closed its input) before reading any: a command that reads none, such as
            // install or chattr, may do so at once. Its exit code and output still tell how it went.
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, $"{string.Join(' ', arguments)} did not end within {timeout.TotalSeconds:0} s:\n{await output}{await error}");
        }

        return (process.ExitCode, await output + await error);
    }
}
