using System.Net;
using System.Net.Sockets;

using FreeGpuPortal.Web.LinkChecking;

using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.IntegrationTests.LinkChecking;

/// <summary>
/// The real app (<see cref="PortalHostOptions.Observed"/>) with a given link timeout, and the link checker's real HTTP
/// handler fenced to loopback: a connection anywhere else fails before any packet leaves, so the seed's real sources
/// read as unreachable and tests never contact the sites the catalog cites.
/// </summary>
public static class LinkCheckPortal
{
    /// <summary>
    /// For every test but those of the timeout: a page of the local site that answers at once is never taken for a
    /// slow one, however busy the machine (three seconds once was not enough, under a whole test run).
    /// </summary>
    public const double AmpleTimeoutSeconds = 60;

    /// <summary>
    /// For the tests of the timeout itself, which probe only a page that never answers in time: they wait this long.
    /// </summary>
    public const double ShortTimeoutSeconds = 2;

    public static PortalHost Create(double timeoutSeconds = AmpleTimeoutSeconds) => PortalHost.For(PortalHostOptions.Observed
        .WithSettings(new Dictionary<string, string>
        {
            ["LinkCheck:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        .WithServices(services => services.AddHttpClient(LinkProbe.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() =>
            {
                var handler = LinkCheckingExtensions.CreateHandler(new LinkCheckOptions { TimeoutSeconds = timeoutSeconds });
                handler.ConnectCallback = LoopbackOnlyAsync;
                return handler;
            })));

    private static async ValueTask<Stream> LoopbackOnlyAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        if (!IPAddress.TryParse(context.DnsEndPoint.Host, out var address) || !IPAddress.IsLoopback(address))
        {
            throw new HttpRequestException($"Tests connect to loopback only, not {context.DnsEndPoint.Host}.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
