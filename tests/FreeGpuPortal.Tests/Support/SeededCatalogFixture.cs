using FreeGpuPortal.Web.Catalog;

namespace FreeGpuPortal.Tests.Support;

/// <summary>One migrated and seeded catalog shared by the tests of a class that only read it.</summary>
public sealed class SeededCatalogFixture : IAsyncLifetime
{
    private SqliteCatalog? _catalog;
    private CatalogSnapshot? _snapshot;

    public SqliteCatalog Catalog => _catalog ?? throw new InvalidOperationException("The fixture is not initialized.");

    public CatalogSnapshot Snapshot => _snapshot ?? throw new InvalidOperationException("The fixture is not initialized.");

    public PlatformSummary Platform(string slug) => Snapshot.Platforms.Single(p => p.Slug == slug);

    public async Task InitializeAsync()
    {
        _catalog = await SqliteCatalog.CreateSeededAsync();
        _snapshot = await _catalog.SnapshotAsync();
    }

    public async Task DisposeAsync()
    {
        if (_catalog is not null)
        {
            await _catalog.DisposeAsync();
        }
    }
}
