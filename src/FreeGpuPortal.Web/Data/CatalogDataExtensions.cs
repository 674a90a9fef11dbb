using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Catalog.Editing;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FreeGpuPortal.Web.Data;

public static class CatalogDataExtensions
{
    public static IHostApplicationBuilder AddCatalogData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DataDirectory>();
        builder.Services.AddSingleton<PortalDatabase>();
        builder.Services.AddSingleton<CatalogChangeSignal>();
        builder.Services.AddSingleton<CatalogReader>();
        builder.Services.AddSingleton<CatalogChangeInterceptor>();
        builder.Services.AddSingleton<CatalogAuditGuard>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CatalogSeeder>();
        builder.Services.AddSingleton<CatalogEditor>();
        builder.Services.AddSingleton<GpuModelEditor>();
        builder.Services.AddSingleton<CatalogHistory>();
        builder.Services.AddSingleton<PlatformAdminList>();
        builder.Services.Configure<CatalogOptions>(builder.Configuration.GetSection(CatalogOptions.Section));
        builder.Services.AddSingleton<CatalogFreshness>();
        builder.Services.AddSingleton<FreeGpuPortal.Web.Catalog.Transfer.CatalogTransfer>();
        builder.Services.AddPortalDbContextFactory<CatalogDbContext, PostgreSqlCatalogDbContext>(
            builder.Configuration,
            (services, options) => services.GetRequiredService<PortalDatabase>().Use(options)
                .AddInterceptors(
                    services.GetRequiredService<CatalogAuditGuard>(),
                    services.GetRequiredService<CatalogChangeInterceptor>()));
        if (PortalDatabase.ProviderFrom(builder.Configuration) == DatabaseProvider.PostgreSQL)
        {
            // Other instances may change the catalog: follow the version they write.
            builder.Services.AddHostedService<CatalogVersionWatcher>();
        }

        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck<CatalogDbContext>>("catalog-database");
        return builder;
    }

    /// <summary>
    /// Creates the database when missing, applies pending migrations and inserts missing seed rows, one instance at a
    /// time (see <see cref="DatabaseStartupLock"/>); refuses (throws <see cref="Hosting.StartupRefusedException"/>) when an
    /// existing SQLite file is corrupt or unreadable, or when the database was migrated by a newer version.
    /// </summary>
    public static async Task InitializeCatalogAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await DatabaseFileCheck.EnsureUsableAsync(services, cancellationToken);
        await DatabaseStartupLock.RunAsync(services.GetRequiredService<PortalDatabase>(), async () =>
        {
            await SchemaVersionCheck.EnsureNotNewerAsync(services, cancellationToken);
            var factory = services.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
            await using (var db = await factory.CreateDbContextAsync(cancellationToken))
            {
                await db.Database.ApplyMigrationsAsync(cancellationToken);
            }

            await services.GetRequiredService<CatalogSeeder>().SeedAsync(cancellationToken: cancellationToken);
        }, cancellationToken);
    }
}
