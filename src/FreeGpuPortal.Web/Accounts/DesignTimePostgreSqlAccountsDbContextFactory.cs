using FreeGpuPortal.Web.Data;

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FreeGpuPortal.Web.Accounts;

/// <summary>
/// Lets `dotnet ef` build the PostgreSQL accounts model (`--context PostgreSqlAccountsDbContext`). Identity shapes its
/// tables from IdentityOptions (the schema version with passkeys), so the same store options as the app's are given.
/// </summary>
public sealed class DesignTimePostgreSqlAccountsDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlAccountsDbContext>
{
    public PostgreSqlAccountsDbContext CreateDbContext(string[] args)
    {
        var services = new ServiceCollection()
            .Configure<IdentityOptions>(options => AccountsExtensions.ConfigureStores(options.Stores))
            .BuildServiceProvider();
        return new(new DbContextOptionsBuilder<PostgreSqlAccountsDbContext>()
            .UseNpgsql(
                DesignTimePostgreSqlCatalogDbContextFactory.ConnectionString,
                npgsql => npgsql.MigrationsHistoryTable(AccountsDbContext.MigrationsHistoryTable))
            .UseApplicationServiceProvider(services)
            .Options);
    }
}
