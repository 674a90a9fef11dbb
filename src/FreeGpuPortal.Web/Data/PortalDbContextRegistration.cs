using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.Data;

// Registering the database contexts for the configured provider, and the providers.

public static class PortalDbContextRegistration
{
    /// <summary>
    /// Registers <c>IDbContextFactory&lt;TContext&gt;</c> (and a scoped <typeparamref name="TContext"/>) for the configured
    /// provider: <typeparamref name="TContext"/> itself on SQLite, <typeparamref name="TPostgreSql"/> on PostgreSQL.
    /// </summary>
    public static IServiceCollection AddPortalDbContextFactory<TContext, TPostgreSql>(
        this IServiceCollection services, IConfiguration configuration, Action<IServiceProvider, DbContextOptionsBuilder> configure)
        where TContext : DbContext
        where TPostgreSql : TContext
    {
        if (PortalDatabase.ProviderFrom(configuration) == DatabaseProvider.PostgreSQL)
        {
            services.AddDbContextFactory<TPostgreSql>(configure);
            services.AddSingleton<IDbContextFactory<TContext>>(provider =>
                new DerivedDbContextFactory<TContext, TPostgreSql>(provider.GetRequiredService<IDbContextFactory<TPostgreSql>>()));
            services.AddScoped<TContext>(provider => provider.GetRequiredService<TPostgreSql>());
        }
        else
        {
            services.AddDbContextFactory<TContext>(configure);
        }

        return services;
    }
}

/// <summary>The database engines the portal runs on ("Database:Provider").</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded file in the data directory: one instance, nothing to install.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: one or several instances sharing it.</summary>
    PostgreSQL,
}
