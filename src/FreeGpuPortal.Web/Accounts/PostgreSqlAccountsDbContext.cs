using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.Accounts;

/// <summary>
/// The accounts model on PostgreSQL, with migrations of its own (Accounts/Migrations/PostgreSQL), plus the Data
/// Protection key ring: instances sharing the database share the keys, so a sign-in cookie or an antiforgery token
/// issued by one instance is valid on every other.
/// </summary>
public sealed class PostgreSqlAccountsDbContext(DbContextOptions<PostgreSqlAccountsDbContext> options)
    : AccountsDbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
