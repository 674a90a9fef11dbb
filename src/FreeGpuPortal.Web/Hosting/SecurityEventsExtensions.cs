using Microsoft.AspNetCore.Components.Server.Circuits;

using Serilog.Context;

namespace FreeGpuPortal.Web.Hosting;

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
