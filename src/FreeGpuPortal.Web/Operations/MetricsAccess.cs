using System.Net;

namespace FreeGpuPortal.Web.Operations;

/// <summary>
/// Who may read /metrics: a direct connection from loopback or from one of "Metrics:AllowedNetworks" (CIDR, e.g.
/// "10.0.0.0/8"). A request that came through a proxy (it carries a forwarding header, or forwarded-headers
/// handling already replaced the address with the original client's) counts as the original client, whose address
/// is not the proxy's: it is refused, so the endpoint cannot be reached through the public site.
/// </summary>
public sealed class MetricsAccess
{
    public const string Section = "Metrics";

    private static readonly string[] s_forwardingHeaders = ["X-Forwarded-For", "Forwarded", "X-Original-For", "X-Real-IP"];

    private readonly IReadOnlyList<IPNetwork> _allowed;

    public MetricsAccess(IConfiguration configuration)
    {
        var configured = configuration.GetSection($"{Section}:AllowedNetworks").Get<string[]>() ?? [];
        _allowed = [.. configured.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => IPNetwork.Parse(n.Trim()))];
    }

    public bool IsAllowed(HttpContext context)
    {
        if (s_forwardingHeaders.Any(context.Request.Headers.ContainsKey))
        {
            return false;
        }

        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return IPAddress.IsLoopback(address) || _allowed.Any(network => network.Contains(address));
    }
}
