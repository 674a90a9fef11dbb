using System.Diagnostics;

namespace FreeGpuPortal.Testing;

/// <summary>Runs the published portal's own command line (<c>admin create …</c>, <c>backup …</c>) as an operator would.</summary>
public static class PortalCommandLine
{
    /// <summary>
    /// How long a command may take before it is taken for hung: a command that ends in a second or two on an idle
    /// machine has been seen to need over a minute on a loaded one, and only a hang should fail a test.
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Starts <paramref name="start"/> (the portal's process settings) with <paramref name="arguments"/>, writes
    /// <paramref name="standardInput"/> (a password, say) to its standard input and returns its exit code and output.
    /// A command that has not ended within <see cref="Patience"/> is killed and reported with exit code -1.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(ProcessStartInfo start, string standardInput, params string[] arguments)
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
        using var deadline = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, $"{string.Join(' ', arguments)} did not end within {Patience.TotalSeconds:0} s:\n{await output}{await error}");
        }

        return (process.ExitCode, await output + await error);
    }
}
