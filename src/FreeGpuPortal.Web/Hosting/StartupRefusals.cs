using Microsoft.Extensions.Options;

using Npgsql;

namespace FreeGpuPortal.Web.Hosting;

/// <summary>
/// Turns a failed start-up into a clean refusal: one log line and a documented exit code (see
/// <see cref="StartupRefusalReason"/>). Only failures an operator causes and can fix are recognised; anything else is a
/// bug and still ends the process with its stack trace.
/// </summary>
public static class StartupRefusals
{
    /// <summary>The refusal <paramref name="exception"/> (or an exception it wraps) stands for, or null when it is none.</summary>
    public static StartupRefusedException? Recognize(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (AsRefusal(current) is { } refusal)
            {
                return refusal;
            }
        }

        return null;
    }

    /// <summary>
    /// Writes the refusal as one line to standard error (the journal keeps it under the service's name) and returns the
    /// exit code. The logger is not used: a refusal may come before it exists (a bad setting, a data directory it
    /// cannot write to), and one path keeps the line the same for every refusal.
    /// </summary>
    public static int Report(StartupRefusedException refusal, TextWriter error, TimeProvider? time = null)
    {
        var now = (time ?? TimeProvider.System).GetLocalNow();
        var message = refusal.Message.ReplaceLineEndings(" ");
        error.WriteLine($"[{now:HH:mm:ss} FTL] FreeGpuPortal refused to start (exit code {refusal.ExitCode}): {message}");
        error.Flush();
        return refusal.ExitCode;
    }

    private static StartupRefusedException? AsRefusal(Exception exception) => exception switch
    {
        StartupRefusedException refused => refused,
        // The configuration binder: "Failed to convert configuration value at 'Backup:Keep' to type 'System.Int32'."
        InvalidOperationException { InnerException: FormatException or OverflowException or ArgumentException } invalid
            when invalid.Message.Contains("configuration value", StringComparison.OrdinalIgnoreCase) =>
            new StartupRefusedException(StartupRefusalReason.InvalidConfiguration,
                $"{invalid.Message} ({invalid.InnerException?.Message}) Correct the setting (docs/operations.md lists them).", invalid),
        OptionsValidationException invalid => new StartupRefusedException(
            StartupRefusalReason.InvalidConfiguration, $"{invalid.Message} Correct the setting (docs/operations.md lists them).", invalid),
        // Wrong password or user: a restart does not help, the connection string must change.
        PostgresException { SqlState: var state } denied when state.StartsWith("28", StringComparison.Ordinal) =>
            new StartupRefusedException(StartupRefusalReason.InvalidConfiguration,
                $"PostgreSQL refused the portal's sign-in ({denied.MessageText}). Check the user name and password in ConnectionStrings:Catalog.", denied),
        // No answer from the server at all (refused, timed out, unknown host); a PostgresException is an answer.
        NpgsqlException unreachable when unreachable is not PostgresException => new StartupRefusedException(
            StartupRefusalReason.DatabaseUnreachable,
            $"The PostgreSQL server in ConnectionStrings:Catalog cannot be reached ({unreachable.InnerException?.Message ?? unreachable.Message}). "
            + "Start it, or correct Host and Port; the portal tries again when it is restarted.", unreachable),
        _ => null,
    };
}
