using Microsoft.AspNetCore.Components.Server.Circuits;

using Serilog.Context;

namespace FreeGpuPortal.Web.Hosting;

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
