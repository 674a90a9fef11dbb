using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FreeGpuPortal.Web.Accounts;

/// <summary>
/// Lets `dotnet ef` build the SQLite accounts model (`--context AccountsDbContext`) without starting the web host, with
/// the app's Identity store options (which shape the tables).
/// </summary>
public sealed class DesignTimeAccountsDbContextFactory : IDesignTimeDbContextFactory<AccountsDbContext>
{
    public AccountsDbContext CreateDbContext(string[] args)
    {
        var services = new ServiceCollection()
            .Configure<IdentityOptions>(options => AccountsExtensions.ConfigureStores(options.Stores))
            .BuildServiceProvider();
        return new(new DbContextOptionsBuilder<AccountsDbContext>()
            .UseSqlite("Data Source=design-time.db", sqlite => sqlite.MigrationsHistoryTable(AccountsDbContext.MigrationsHistoryTable))
            .UseApplicationServiceProvider(services)
            .Options);
    }
}
