using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.Accounts;

/// <summary>
/// Identity's tables, in the same database as the catalog but with their own migrations (and migrations history
/// table), so the accounts feature and the catalog evolve independently. On SQLite (the default) this type is used as
/// is; PostgreSQL uses <see cref="PostgreSqlAccountsDbContext"/>.
/// </summary>
public class AccountsDbContext : IdentityDbContext<PortalUser>
{
    public const string MigrationsHistoryTable = "__AccountsMigrationsHistory";

    public AccountsDbContext(DbContextOptions<AccountsDbContext> options)
        : base(options)
    {
    }

    protected AccountsDbContext(DbContextOptions options)
        : base(options)
    {
    }
}
