using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Data;
using FreeGpuPortal.Web.Localization;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.Tests.Support;

/// <summary>
/// A catalog in a real SQLite database: an in-memory database whose connection stays open for the catalog's lifetime
/// (or a file, to test a restart), its schema created by the real migrations and its rows by the real seeder reading
/// the real seed file. The services mirror the web app's registration: a context factory with the audit guard and the
/// change interceptor, the change signal, the cached reader, the seeder, the editor and the history queries, all on a
/// clock the test sets (<see cref="Clock"/>).
/// </summary>
public sealed class SqliteCatalog : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly ServiceProvider _services;

    private SqliteCatalog(SqliteConnection connection)
    {
        _connection = connection;
        _services = AddCatalogServices(new ServiceCollection(), connection, Clock).BuildServiceProvider();
    }

    /// <summary>The time every service of this catalog reads; move it to test dates and staleness.</summary>
    public ManualTimeProvider Clock { get; } = new(ManualTimeProvider.DefaultStart);

    /// <summary>The seed file the app ships, as copied to the test output (or found in the repository).</summary>
    public static string SeedFile { get; } = LocateSeedFile();

    /// <summary>The article every seeded value cites.</summary>
    /// <summary>The article every seeded value cites: the first source of each seeded platform.</summary>
    public static SourceEditModel Article { get; } = CatalogSeeder.Load(SeedFile).Platforms[0].Sources[0];

    public IServiceProvider Services => _services;

    /// <summary>The open connection to the database, for a test that builds its own context options.</summary>
    public SqliteConnection Connection => _connection;

    public IDbContextFactory<CatalogDbContext> ContextFactory => _services.GetRequiredService<IDbContextFactory<CatalogDbContext>>();

    public CatalogReader Reader => _services.GetRequiredService<CatalogReader>();

    public CatalogSeeder Seeder => _services.GetRequiredService<CatalogSeeder>();

    public CatalogChangeSignal Signal => _services.GetRequiredService<CatalogChangeSignal>();

    public CatalogEditor Editor => _services.GetRequiredService<CatalogEditor>();

    public GpuModelEditor GpuModelEditor => _services.GetRequiredService<GpuModelEditor>();

    public CatalogHistory History => _services.GetRequiredService<CatalogHistory>();

    public PlatformAdminList AdminList => _services.GetRequiredService<PlatformAdminList>();

    /// <summary>Opens a fresh in-memory database; call <see cref="MigrateAsync"/> and <see cref="SeedAsync"/> next.</summary>
    public static SqliteCatalog OpenInMemory()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        return new SqliteCatalog(connection);
    }

    /// <summary>Opens a database file without pooling, so disposing really closes it (a restart, when reopened).</summary>
    public static SqliteCatalog OpenFile(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return new SqliteCatalog(connection);
    }

    /// <summary>An in-memory catalog, migrated and seeded.</summary>
    public static async Task<SqliteCatalog> CreateSeededAsync()
    {
        var catalog = OpenInMemory();
        await catalog.MigrateAsync();
        await catalog.SeedAsync();
        return catalog;
    }

    /// <summary>Registers the catalog services over this catalog's database, e.g. into a bUnit context.</summary>
    public IServiceCollection AddCatalogServicesTo(IServiceCollection services) => AddCatalogServices(services, _connection, Clock);

    public async Task MigrateAsync()
    {
        await using var db = await ContextFactory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
    }

    public Task SeedAsync() => Seeder.SeedAsync(SeedFile);

    public ValueTask<CatalogSnapshot> SnapshotAsync() => Reader.GetAsync();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private static IServiceCollection AddCatalogServices(IServiceCollection services, SqliteConnection connection, TimeProvider clock)
    {
        services.AddLogging();
        services.AddPortalLocalization();
        services.AddSingleton(clock);
        services.AddSingleton<CatalogChangeSignal>();
        services.AddSingleton<CatalogChangeInterceptor>();
        services.AddSingleton<CatalogAuditGuard>();
        services.AddSingleton<CatalogReader>();
        services.AddSingleton<CatalogSeeder>();
        services.AddSingleton<CatalogEditor>();
        services.AddSingleton<GpuModelEditor>();
        services.AddSingleton<CatalogHistory>();
        services.AddSingleton<PlatformAdminList>();
        services.AddOptions<CatalogOptions>();
        services.AddSingleton<CatalogFreshness>();
        // Read by the broken-link marker next to every cited link.
        services.AddSingleton<FreeGpuPortal.Web.LinkChecking.LinkHealth>();
        // Read by the home page's head (description, canonical link, Dataset JSON-LD).
        services.AddOptions();
        services.AddSingleton<FreeGpuPortal.Web.Discovery.PublicUrls>();
        services.AddSingleton<FreeGpuPortal.Web.Discovery.CatalogDataset>();
        services.AddDbContextFactory<CatalogDbContext>((provider, options) => options
            .UseSqlite(connection)
            .AddInterceptors(
                provider.GetRequiredService<CatalogAuditGuard>(),
                provider.GetRequiredService<CatalogChangeInterceptor>()));
        return services;
    }

    private static string LocateSeedFile()
    {
        if (File.Exists(CatalogSeeder.DefaultSeedFile))
        {
            return CatalogSeeder.DefaultSeedFile;
        }

        return Path.Combine(RepositoryPaths.Root, "src", "FreeGpuPortal.Web", "Catalog", "Seed", "catalog-seed.json");
    }
}
