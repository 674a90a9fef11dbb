using System.Net;

using Microsoft.AspNetCore.HttpOverrides;

using IPNetwork = System.Net.IPNetwork;

namespace FreeGpuPortal.Web.Hosting;

/// <summary>
/// Behind a TLS-terminating reverse proxy (nginx): the client's address, the scheme and the host come from the
/// proxy's X-Forwarded-For, -Proto and -Host headers, but only when the request comes from a trusted proxy
/// ("ReverseProxy:TrustedProxies": addresses and CIDR networks; loopback unless "ReverseProxy:TrustLoopback" is
/// false). From anyone else the headers are ignored, so a client cannot claim another address or HTTPS.
/// </summary>
public static class ReverseProxyExtensions
{
    public const string Section = "ReverseProxy";

    public static IHostApplicationBuilder AddReverseProxySupport(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(Section);
        var trusted = TrustedProxies.Parse(section);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // One proxy in front: the rightmost address it appended is the client's. A chain of trusted proxies may
            // raise "ReverseProxy:ForwardLimit".
            options.ForwardLimit = Math.Max(1, section.GetValue("ForwardLimit", 1));
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var address in trusted.Addresses)
            {
                options.KnownProxies.Add(address);
            }

            foreach (var network in trusted.Networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        builder.Services.AddSingleton(trusted);
        return builder;
    }

    /// <summary>First in the pipeline, so everything after it sees the client's address and the original scheme.</summary>
    public static WebApplication UseReverseProxySupport(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }
}

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
