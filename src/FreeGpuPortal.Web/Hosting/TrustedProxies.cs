using System.Net;

using IPNetwork = System.Net.IPNetwork;

namespace FreeGpuPortal.Web.Hosting;

/// <summary>The proxies whose forwarded headers are believed.</summary>
public sealed record TrustedProxies(IReadOnlyList<IPAddress> Addresses, IReadOnlyList<IPNetwork> Networks)
{
    /// <summary>
    /// Reads "TrustedProxies" (a list, or one comma-separated string, of addresses and CIDR networks) and
    /// "TrustLoopback" (true by default). A malformed entry stops the start with a message naming it.
    /// </summary>
    public static TrustedProxies Parse(IConfiguration section)
    {
        var entries = section.GetSection("TrustedProxies").Get<string[]>()
            ?? section["TrustedProxies"]?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            ?? [];
        var addresses = new List<IPAddress>();
        var networks = new List<IPNetwork>();
        if (section.GetValue("TrustLoopback", true))
        {
            addresses.Add(IPAddress.Loopback);
            addresses.Add(IPAddress.IPv6Loopback);
            networks.Add(IPNetwork.Parse("127.0.0.0/8"));
        }

        foreach (var entry in entries.Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            if (entry.Contains('/', StringComparison.Ordinal) && IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                addresses.Add(address);
            }
            else
            {
                throw new InvalidOperationException(
                    $"ReverseProxy:TrustedProxies has '{entry}', which is neither an IP address nor a CIDR network (such as 10.0.0.0/8).");
            }
        }

        return new TrustedProxies(addresses, networks);
    }
}
