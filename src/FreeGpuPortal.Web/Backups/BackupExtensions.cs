using FreeGpuPortal.Web.Accounts;
using FreeGpuPortal.Web.Data;

namespace FreeGpuPortal.Web.Backups;

// Backup's registration and its configuration section.

public static class BackupExtensions
{
    public const string LatestBackupPath = "/admin/backups/latest";

    public static IHostApplicationBuilder AddPortalBackups(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section);
        builder.Services.AddSingleton<PortalBackups>();
        builder.Services.AddSingleton(services => services.GetRequiredService<PortalBackups>().Folder);
        builder.Services.AddHostedService<DataDirectoryLockService>();
        if (PortalDatabase.ProviderFrom(builder.Configuration) == DatabaseProvider.Sqlite)
        {
            // On PostgreSQL the database server's own tools take the backups (docs/deployment.md).
            builder.Services.AddHostedService<ScheduledBackupService>();
        }
        return builder;
    }

    /// <summary>The newest scheduled backup, for admins only (checked on each request), never cached.</summary>
    public static IEndpointRouteBuilder MapPortalBackups(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(LatestBackupPath, (BackupFolder backups, HttpContext context) =>
            {
                context.Response.Headers.CacheControl = "no-store";
                return backups.Latest() is { } latest
                    ? Results.File(latest.FullName, "application/zip", latest.Name)
                    : Results.Problem(
                        statusCode: StatusCodes.Status404NotFound,
                        title: "No backup yet",
                        detail: "No scheduled backup has been written: set Backup:Schedule, or run \"backup create\".");
            })
            .RequireAuthorization(PortalPolicies.Admin)
            .ExcludeFromDescription();
        return endpoints;
    }
}

/// <summary>The "Backup" configuration section.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>
    /// How often the running portal writes a backup into the data directory's "backups" folder, as a time span
    /// ("1.00:00:00" daily, "06:00:00" every six hours). Not set: no scheduled backups.
    /// </summary>
    public TimeSpan? Schedule { get; set; }

    /// <summary>How many scheduled backups to keep; older ones are deleted after each new one.</summary>
    public int Keep { get; set; } = 7;
}
