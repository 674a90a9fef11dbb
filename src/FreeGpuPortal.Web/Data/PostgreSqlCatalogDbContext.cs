using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.Data;

/// <summary>
/// The catalog model on PostgreSQL. A type of its own only so that EF Core keeps its migrations
/// (Data/Migrations/PostgreSQL) apart from SQLite's; the app uses it through <see cref="CatalogDbContext"/>.
/// </summary>
public sealed class PostgreSqlCatalogDbContext(DbContextOptions<PostgreSqlCatalogDbContext> options) : CatalogDbContext(options);
