using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.HardwareReports;
using FreeGpuPortal.Web.LinkChecking;

using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.Data;

// The catalog's database context, and its PostgreSQL variant.

/// <summary>
/// The catalog, its history and the submitted hardware reports. On SQLite (the default) this type is used as is and
/// its migrations live in Data/Migrations; PostgreSQL uses <see cref="PostgreSqlCatalogDbContext"/>, the same model
/// with migrations of its own.
/// </summary>
public class CatalogDbContext : DbContext
{
    public CatalogDbContext(DbContextOptions<CatalogDbContext> options)
        : base(options)
    {
    }

    protected CatalogDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Platform> Platforms => Set<Platform>();
    public DbSet<GpuModel> GpuModels => Set<GpuModel>();
    public DbSet<PlatformGpu> PlatformGpus => Set<PlatformGpu>();
    public DbSet<Feature> Features => Set<Feature>();
    public DbSet<PlatformFeature> PlatformFeatures => Set<PlatformFeature>();
    public DbSet<PlatformSource> PlatformSources => Set<PlatformSource>();
    public DbSet<CatalogChange> CatalogChanges => Set<CatalogChange>();
    public DbSet<CatalogFieldChange> CatalogFieldChanges => Set<CatalogFieldChange>();
    public DbSet<SubmittedReport> SubmittedReports => Set<SubmittedReport>();
    public DbSet<LinkStatus> LinkStatuses => Set<LinkStatus>();
    public DbSet<CatalogVersion> CatalogVersions => Set<CatalogVersion>();
    public DbSet<Suggestions.Suggestion> Suggestions => Set<Suggestions.Suggestion>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(
            typeof(CatalogDbContext).Assembly,
            type => type.Namespace == typeof(Configurations.PlatformConfiguration).Namespace);
}

/// <summary>
/// The catalog model on PostgreSQL. A type of its own only so that EF Core keeps its migrations
/// (Data/Migrations/PostgreSQL) apart from SQLite's; the app uses it through <see cref="CatalogDbContext"/>.
/// </summary>
public sealed class PostgreSqlCatalogDbContext(DbContextOptions<PostgreSqlCatalogDbContext> options) : CatalogDbContext(options);
