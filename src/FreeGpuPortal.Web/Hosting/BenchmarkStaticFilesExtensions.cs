using Microsoft.Extensions.FileProviders;

namespace FreeGpuPortal.Web.Hosting;

public static class BenchmarkStaticFilesExtensions
{
    public const string ConfigurationKey = "Benchmark:StaticDirectory";
    public const string RequestPath = "/bench-static";

    /// <summary>
    /// Serves a folder of plain files under /bench-static when "Benchmark:StaticDirectory" is set — only for the
    /// load benchmark, which compares the comparison page with a static file of the same size from the same app.
    /// Off unless configured.
    /// </summary>
    public static IApplicationBuilder UseBenchmarkStaticFiles(this WebApplication app)
    {
        var directory = app.Configuration[ConfigurationKey];
        if (!string.IsNullOrWhiteSpace(directory))
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(Path.GetFullPath(directory)),
                RequestPath = RequestPath,
            });
        }

        return app;
    }
}
