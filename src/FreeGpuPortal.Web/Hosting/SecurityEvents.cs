using System.Security.Claims;

using Microsoft.AspNetCore.Components.Server.Circuits;

using Serilog.Context;

namespace FreeGpuPortal.Web.Hosting;

/// <summary>The <c>EventType</c> of every security event, stable for searching and alerting.</summary>
public static class SecurityEventTypes
{
    public const string SignInSucceeded = "sign-in-succeeded";
    public const string SignInFailed = "sign-in-failed";
    public const string SignInNeedsSecondFactor = "sign-in-needs-second-factor";
    public const string LockedOut = "locked-out";
    public const string SecondFactorFailed = "second-factor-failed";
    public const string RecoveryCodeFailed = "recovery-code-failed";
    public const string SignedOut = "signed-out";
    public const string AccessDenied = "access-denied";
    public const string AdminCreated = "admin-created";
    public const string AdminRoleGranted = "admin-role-granted";
    public const string AdminRoleRemoved = "admin-role-removed";
    public const string AdminRemovalRefused = "admin-removal-refused";
    public const string PasswordReset = "password-reset";
    public const string AccountDeleted = "account-deleted";
    public const string AccountDeletionRefused = "account-deletion-refused";
    public const string AdminActionRefused = "admin-action-refused";
}

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

public static class SecurityEventsExtensions
{
    public static IHostApplicationBuilder AddSecurityEvents(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<SecurityEventLog>();
        builder.Services.AddScoped<CircuitHandler, SecurityLogContextCircuitHandler>();
        return builder;
    }

    /// <summary>
    /// Every log event written while a request is handled carries <c>ClientIp</c>, and <c>UserId</c> and
    /// <c>UserEmail</c> when someone is signed in: a catalog change logged by the editor names the admin and the
    /// address it came from. Register after authentication.
    /// </summary>
    public static IApplicationBuilder UseSecurityLogContext(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var (clientIp, userId, userEmail) =
                (SecurityEventLog.ClientIp(context), SecurityEventLog.UserId(context.User), SecurityEventLog.UserEmail(context.User));

            // The request's own completion event is written outside this middleware: give it the same properties.
            if (context.RequestServices.GetService<Serilog.IDiagnosticContext>() is { } diagnostics)
            {
                diagnostics.Set("ClientIp", clientIp);
                diagnostics.Set("UserId", userId);
                diagnostics.Set("UserEmail", userEmail);
            }

            using (LogContext.PushProperty("ClientIp", clientIp))
            using (LogContext.PushProperty("UserId", userId))
            using (LogContext.PushProperty("UserEmail", userEmail))
            {
                await next(context);
            }
        });
}

/// <summary>
/// The same log context for the work an interactive page does on its circuit (button clicks, saves): the user and
/// address of the connection that opened the circuit.
/// </summary>
internal sealed class SecurityLogContextCircuitHandler(IHttpContextAccessor httpContextAccessor) : CircuitHandler
{
    private string _clientIp = "unknown";
    private string? _userId;
    private string? _userEmail;

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var context = httpContextAccessor.HttpContext;
        _clientIp = SecurityEventLog.ClientIp(context);
        _userId = SecurityEventLog.UserId(context?.User);
        _userEmail = SecurityEventLog.UserEmail(context?.User);
        return Task.CompletedTask;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(
        Func<CircuitInboundActivityContext, Task> next) =>
        async activity =>
        {
            using (LogContext.PushProperty("ClientIp", _clientIp))
            using (LogContext.PushProperty("UserId", _userId))
            using (LogContext.PushProperty("UserEmail", _userEmail))
            {
                await next(activity);
            }
        };
}
