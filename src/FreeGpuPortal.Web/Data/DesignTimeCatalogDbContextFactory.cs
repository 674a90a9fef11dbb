using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FreeGpuPortal.Web.Data;

// The design-time factories `dotnet ef` uses, one per provider.

/// <summary>Lets `dotnet ef` build the model without starting the web host (which migrates and seeds on start).</summary>
public sealed class DesignTimeCatalogDbContextFactory : IDesignTimeDbContextFactory<CatalogDbContext>
{
    public CatalogDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CatalogDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

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
