using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FreeGpuPortal.Web.Data;

/// <summary>
/// Lets `dotnet ef` build the PostgreSQL model for migrations (`--context PostgreSqlCatalogDbContext`); no server is
/// contacted to add a migration or check for pending model changes.
/// </summary>
public sealed class DesignTimePostgreSqlCatalogDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlCatalogDbContext>
{
    public const string ConnectionString = "Host=localhost;Database=freegpuportal_design";

    public PostgreSqlCatalogDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlCatalogDbContext>().UseNpgsql(ConnectionString).Options);
}
