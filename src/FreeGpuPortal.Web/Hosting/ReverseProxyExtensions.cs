using Microsoft.AspNetCore.HttpOverrides;

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
