using FreeGpuPortal.Web.Data;

using Serilog;

namespace FreeGpuPortal.Web.Hosting;

public static class LoggingExtensions
{
    /// <summary>
    /// Serilog from the "Serilog" configuration section, plus the console (text, or compact JSON when
    /// "Serilog:Console:Json" is true) and a rolling file in the data directory unless "Serilog:File:Enabled" is false. Configured through the service provider (no static bootstrap logger),
    /// so test hosts that build the app more than once each get their own logger.
    /// </summary>
    public static IHostApplicationBuilder AddPortalLogging(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext();
            if (builder.Configuration.GetValue("Serilog:Console:Enabled", true))
            {
                // Compact JSON (@t, @mt, @l, @tr, @sp, properties) for log shippers; otherwise one text line with the trace id.
                if (builder.Configuration.GetValue("Serilog:Console:Json", false))
                {
                    logger.WriteTo.Console(new Serilog.Formatting.Compact.CompactJsonFormatter());
                }
                else
                {
                    logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} trace={TraceId}{NewLine}{Exception}");
                }
            }

            if (builder.Configuration.GetValue("Serilog:File:Enabled", true))
            {
                var directory = Path.Combine(services.GetRequiredService<DataDirectory>().Path, "logs");
                logger.WriteTo.File(
                    Path.Combine(directory, "portal-.log"),
                    rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: builder.Configuration.GetValue("Serilog:File:RetainedFileCount", 14),
                    fileSizeLimitBytes: 50 * 1024 * 1024,
                    rollOnFileSizeLimit: true,
                    outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj} {Properties:j} trace={TraceId} span={SpanId}{NewLine}{Exception}",
                    shared: true);
            }
        },
        // Each host keeps its own logger rather than replacing Serilog's static one, so test hosts running side by side
        // never write into each other's sinks.
        preserveStaticLogger: true);

        // The request log line (UseSerilogRequestLogging) and its diagnostic context default to the static logger,
        // which stays silent here: hand them this host's logger, or the one line per request is never written.
        builder.Services.AddOptions<Serilog.AspNetCore.RequestLoggingOptions>()
            .Configure<Serilog.ILogger>((options, logger) => options.Logger = logger);
        builder.Services.AddSingleton(services => new Serilog.Extensions.Hosting.DiagnosticContext(services.GetRequiredService<Serilog.ILogger>()));
        return builder;
    }
}
