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
/// The real app (as <see cref="SecurityPortal"/>) with an eight-second link timeout, and the link checker's real HTTP
/// handler fenced to loopback: a connection anywhere else fails before any packet leaves, so the seed's real sources
/// read as unreachable and tests never contact the sites the catalog cites. The timeout is short enough that the tests
/// of a slow page wait little, and long enough that a loopback page that answers at once is never taken for a slow
/// one on a machine busy with the whole test run (three seconds once was not).
/// </summary>
public sealed class LinkCheckPortal() : SecurityPortal("Development", null, new Dictionary<string, string>
{
    ["LinkCheck:TimeoutSeconds"] = TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
})
{
    public const int TimeoutSeconds = 8;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddHttpClient(LinkProbe.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() =>
            {
                var handler = LinkCheckingExtensions.CreateHandler(new LinkCheckOptions { TimeoutSeconds = TimeoutSeconds });
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
