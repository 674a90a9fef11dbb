using FreeGpuPortal.Web.Accounts;
using FreeGpuPortal.Web.Data;

using Microsoft.AspNetCore.OutputCaching;

using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FreeGpuPortal.Web.Operations;

public static class OperationsExtensions
{
    public const string MetricsPath = "/metrics";

    /// <summary>How long a stop (SIGTERM) waits for requests in flight before it cuts them off, unless "Hosting:ShutdownTimeoutSeconds" says otherwise.</summary>
    public const int DefaultShutdownTimeoutSeconds = 20;

    /// <summary>
    /// Storage-fault handling (health check, counting) and OpenTelemetry: metrics from ASP.NET Core, HttpClient,
    /// EF Core, the runtime and the portal's own meter for /metrics; traces from the same sources, exported over
    /// OTLP when "OpenTelemetry:OtlpEndpoint" is set (and always giving every log line its trace id).
    /// </summary>
    public static IHostApplicationBuilder AddPortalOperations(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;

        // On SIGTERM Kestrel stops accepting connections at once and lets requests in flight finish; this bounds the
        // wait. It must stay below the service manager's stop timeout (see docs/operations.md), or the process is
        // killed mid-request instead.
        var shutdownSeconds = Math.Clamp(builder.Configuration.GetValue("Hosting:ShutdownTimeoutSeconds", DefaultShutdownTimeoutSeconds), 1, 300);
        services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(shutdownSeconds));
        services.AddSingleton<PortalMetrics>();
        services.AddSingleton<StorageHealth>();
        services.AddSingleton<StorageFaultInterceptor>();
        services.AddSingleton<MetricsAccess>();
        services.AddSingleton<PortalStatus>();
        services.ConfigureDbContext<CatalogDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<StorageFaultInterceptor>()));
        services.ConfigureDbContext<AccountsDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<StorageFaultInterceptor>()));
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage-writable");

        // Count output-cache hits and misses around whichever store the cache uses.
        var store = services.LastOrDefault(d => d.ServiceType == typeof(IOutputCacheStore));
        if (store is not null)
        {
            services.Remove(store);
            services.AddSingleton<IOutputCacheStore>(provider => new CountingOutputCacheStore(
                (IOutputCacheStore)(store.ImplementationInstance
                    ?? store.ImplementationFactory?.Invoke(provider)
                    ?? ActivatorUtilities.CreateInstance(provider, store.ImplementationType!)),
                provider.GetRequiredService<PortalMetrics>()));
        }

        var otlp = builder.Configuration["OpenTelemetry:OtlpEndpoint"];
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("FreeGpuPortal", serviceVersion: Backups.PortalBackups.AppVersion))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                // Blazor's circuit meter: how many interactive circuits are held in memory, and how many are connected.
                .AddMeter(PortalMetrics.MeterName, "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore.Components.Server.Circuits")
                // Blazor's per-component instruments take a measurement for every component of every render: hundreds per
                // comparison page, for figures no alert reads, and under load they cost about 5 % of its render time.
                // Dropped here, they are not measured at all.
                .AddView("aspnetcore.components.update_parameters.duration", MetricStreamConfiguration.Drop)
                .AddView("aspnetcore.components.render_diff.duration", MetricStreamConfiguration.Drop)
                .AddView("aspnetcore.components.render_diff.size", MetricStreamConfiguration.Drop)
                .AddPrometheusExporter())
            .WithTracing(tracing =>
            {
                tracing
                    .AddAspNetCoreInstrumentation(options => options.Filter = context => context.Request.Path != MetricsPath)
                    .AddHttpClientInstrumentation()
                    .AddEntityFrameworkCoreInstrumentation();
                if (!string.IsNullOrWhiteSpace(otlp))
                {
                    tracing.AddOtlpExporter(options => options.Endpoint = new Uri(otlp));
                }
            });
        return builder;
    }

    /// <summary>/metrics in Prometheus text format, answered only to <see cref="MetricsAccess"/>; anyone else gets the 404 page.</summary>
    public static WebApplication UsePortalMetrics(this WebApplication app)
    {
        var access = app.Services.GetRequiredService<MetricsAccess>();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(
            meterProvider: null,
            predicate: context => context.Request.Path == MetricsPath && access.IsAllowed(context),
            path: null,
            configureBranchedPipeline: null,
            optionsName: null);
        return app;
    }
}
