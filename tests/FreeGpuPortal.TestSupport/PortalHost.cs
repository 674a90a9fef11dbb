using System.Net;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using Serilog.AspNetCore;
using Serilog.Core;
using Serilog.Extensions.Hosting;
using Serilog.Extensions.Logging;

namespace FreeGpuPortal.Testing;

/// <summary>
/// The one test host of every test project: the real app (Program), migrated and seeded at start-up exactly as in
/// production, in a fresh data directory of its own (or a given one, as after a restart), on the test run's database
/// (SQLite, or PostgreSQL with PORTAL_TEST_DATABASE — see <see cref="TestDatabase"/>), configured by its
/// <see cref="PortalHostOptions"/>: one of the named configurations there, or one derived from it. A subclass only
/// names a configuration, so that xUnit can share one host per test class (IClassFixture needs a type).
/// </summary>
public partial class PortalHost : WebApplicationFactory<Program>
{
    private readonly bool _ownsDataDirectory;
    private readonly CapturedLog? _log;

    /// <summary>A host with <see cref="PortalHostOptions.Default"/>, the one public constructor xUnit's class fixtures need.</summary>
    public PortalHost()
        : this(PortalHostOptions.Default)
    {
    }

    protected PortalHost(PortalHostOptions options)
    {
        Options = options;
        _ownsDataDirectory = options.DataDirectory is null;
        DataDirectory = options.DataDirectory ?? NewDataDirectory();
        Database = TestDatabase.For(options.Provider ?? TestDatabase.CurrentProvider, DataDirectory, options.PostgreSqlServer);
        _log = options.CaptureLog ? new CapturedLog() : null;
        if (options.BaseAddress is { } baseAddress)
        {
            ClientOptions.BaseAddress = baseAddress;
        }
    }

    public PortalHostOptions Options { get; }

    public string DataDirectory { get; }

    public TestDatabase Database { get; }

    public string EnvironmentName => Options.Environment;

    /// <summary>Every log event the app wrote, with <see cref="PortalHostOptions.CaptureLog"/>.</summary>
    public CapturedLog Log => _log ?? throw new InvalidOperationException("This host does not capture its log: set PortalHostOptions.CaptureLog.");

    /// <summary>A host with these options; not started until first used.</summary>
    public static PortalHost For(PortalHostOptions options) => new(options);

    public static string NewDataDirectory() =>
        Path.Combine(Path.GetTempPath(), "freegpuportal-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Deletes a data directory a test made itself, if nothing holds it open any more.</summary>
    public static void DeleteDataDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Never created (the host did not start), or a file still held open on a slow machine: the OS temp
            // cleaner gets it later.
        }
    }

    /// <summary>A client that shows redirects instead of following them, on the host's base address.</summary>
    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = ClientOptions.BaseAddress,
    });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Options.Environment);
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Serilog:File:Enabled", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Tests never reach the sites the catalog cites; link checks run only where a test starts them.
        builder.UseSetting("LinkCheck:Schedule", "off");
        foreach (var (key, value) in Database.Settings().Concat(Options.Settings))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            if (_log is not null)
            {
                CaptureLogIn(services, _log);
            }

            if (Options.ClientAddress is { } address)
            {
                services.AddSingleton<IStartupFilter>(new FixedClientAddress(address));
            }

            Options.Services?.Invoke(services);
        });
        if (Options.Configuration is { } configure)
        {
            builder.ConfigureAppConfiguration(configuration => configure(configuration));
        }
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        Options.Started?.Invoke(host.Services);
        return host;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (!_ownsDataDirectory)
        {
            return;
        }

        await Database.DropAsync();
        DeleteDataDirectory(DataDirectory);
    }

    private static void CaptureLogIn(IServiceCollection services, CapturedLog log)
    {
        // Serilog reads sinks registered as services (ReadFrom.Services).
        services.AddSingleton<ILogEventSink>(log);
        // The app hands its logger to Serilog's static Log.Logger, which test hosts running in parallel share: log
        // through this host's own logger, so each host's capture holds its own events and only those.
        services.AddSingleton<ILoggerFactory>(provider => new SerilogLoggerFactory(provider.GetRequiredService<Serilog.ILogger>()));
        services.AddOptions<RequestLoggingOptions>().Configure<Serilog.ILogger>((options, logger) => options.Logger = logger);
        services.AddSingleton(provider => new DiagnosticContext(provider.GetRequiredService<Serilog.ILogger>()));
        services.AddSingleton<Serilog.IDiagnosticContext>(provider => provider.GetRequiredService<DiagnosticContext>());
    }

    private sealed class FixedClientAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
