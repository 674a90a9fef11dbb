using System.Security.Claims;

namespace FreeGpuPortal.Web.Hosting;

/// <summary>
/// Writes security events under the "FreeGpuPortal.Security" category with the structured properties
/// <c>EventType</c>, <c>UserId</c>, <c>UserEmail</c> and <c>ClientIp</c>, plus a short <c>Detail</c>. Callers pass
/// identities and outcomes only: never a password, code, token or cookie.
/// </summary>
public sealed class SecurityEventLog(ILoggerFactory loggerFactory, IHttpContextAccessor httpContextAccessor)
{
    public const string Category = "FreeGpuPortal.Security";

    private readonly ILogger _logger = loggerFactory.CreateLogger(Category);

    public void Write(LogLevel level, string eventType, string? userId, string? userEmail, string detail) =>
        _logger.Log(
            level,
            "Security event {EventType} for user {UserId} ({UserEmail}) from {ClientIp}: {Detail}",
            eventType,
            userId ?? "-",
            userEmail ?? "-",
            ClientIp(httpContextAccessor.HttpContext),
            detail);

    public void Write(LogLevel level, string eventType, ClaimsPrincipal? user, string detail) =>
        Write(level, eventType, UserId(user), UserEmail(user), detail);

    public static string ClientIp(HttpContext? context) =>
        context?.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public static string? UserId(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public static string? UserEmail(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name : null;

    /// <summary>
    /// What a failed sign-in names as the account. Only a plausible e-mail address is logged: people type their
    /// password into the e-mail field often enough.
    /// </summary>
    public static string AttemptedEmail(string? value) =>
        value is { Length: > 2 and <= 256 } && value.Contains('@', StringComparison.Ordinal) && !value.Any(char.IsWhiteSpace)
            ? value
            : "(not an e-mail address)";
}
