using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.Accounts;

/// <summary>
/// Identity's tables, in the same SQLite file as the catalog but with their own migrations (and migrations history
/// table), so the accounts feature and the catalog evolve independently.
/// </summary>
public sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options) : IdentityDbContext<PortalUser>(options)
{
    public const string MigrationsHistoryTable = "__AccountsMigrationsHistory";
}
