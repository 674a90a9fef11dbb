using System.Net;
using System.Net.Sockets;
using System.Security.Claims;

using FreeGpuPortal.IntegrationTests.Security;
using FreeGpuPortal.Web.Accounts;
using FreeGpuPortal.Web.LinkChecking;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.IntegrationTests.LinkChecking;

/// <summary>
/// The real app (as <see cref="SecurityPortal"/>) with a three-second link timeout (short, yet long enough for a first request on a busy machine), and the link checker's real HTTP
/// handler fenced to loopback: a connection anywhere else fails before any packet leaves, so the seed's real sources
/// read as unreachable and tests never contact the sites the catalog cites.
/// </summary>
public sealed class LinkCheckPortal() : SecurityPortal("Development", null, new Dictionary<string, string>
{
    ["LinkCheck:TimeoutSeconds"] = "3",
})
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddHttpClient(LinkProbe.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() =>
            {
                var handler = LinkCheckingExtensions.CreateHandler(new LinkCheckOptions { TimeoutSeconds = 3 });
                handler.ConnectCallback = LoopbackOnlyAsync;
                return handler;
            }));
    }

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

    /// <summary>The principal a sign-in of this account would carry now (roles, security stamp).</summary>
    public async Task<ClaimsPrincipal> PrincipalAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var claims = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        return await claims.CreateAsync(user);
    }
}
