namespace FreeGpuPortal.Web.Hosting;

/// <summary>
/// The portal cannot start as configured, for a reason the operator can fix: Program reports <see cref="Exception.Message"/>
/// as one log line and exits with <see cref="ExitCode"/>, instead of crashing with a stack trace.
/// </summary>
public sealed class StartupRefusedException(StartupRefusalReason reason, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public StartupRefusalReason Reason { get; } = reason;

    public int ExitCode => (int)Reason;
}
