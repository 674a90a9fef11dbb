using System.Net;

using FreeGpuPortal.Web.Hosting;

namespace FreeGpuPortal.Web.LinkChecking;

public static class LinkCheckingExtensions
{
    public static IHostApplicationBuilder AddLinkChecking(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(LinkCheckOptions.Section);
        builder.Services.Configure<LinkCheckOptions>(section);
        // A schedule nobody can read fails the start, not a night's run.
        try
        {
            _ = LinkCheckSchedule.Parse(section[nameof(LinkCheckOptions.Schedule)], builder.Environment.IsDevelopment());
        }
        catch (FormatException invalid)
        {
            throw new StartupRefusedException(StartupRefusalReason.InvalidConfiguration, invalid.Message, invalid);
        }

        var options = section.Get<LinkCheckOptions>() ?? new LinkCheckOptions();
        builder.Services.AddHttpClient(LinkProbe.HttpClientName, client =>
            {
                // The probe's own timeout covers a link's redirects together; the client's would count each request.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
            })
            .ConfigurePrimaryHttpMessageHandler(() => CreateHandler(options));
        builder.Services.AddSingleton<LinkProbe>();
        builder.Services.AddSingleton<LinkCheckRun>();
        builder.Services.AddSingleton<LinkCheckRunner>();
        builder.Services.AddSingleton<LinkHealth>();
        builder.Services.AddScoped<RedirectAcceptance>();
        builder.Services.AddHostedService<LinkCheckService>();
        return builder;
    }

    public static SocketsHttpHandler CreateHandler(LinkCheckOptions options) => new()
    {
        // Redirects are followed by hand, to know and store where they end.
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds)),
    };
}
