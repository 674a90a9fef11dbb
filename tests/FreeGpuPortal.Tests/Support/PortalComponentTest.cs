using Bunit;

using FreeGpuPortal.Web.Localization;

using MudBlazor.Services;

namespace FreeGpuPortal.Tests.Support;

/// <summary>
/// A bUnit context set up like the app: MudBlazor services, the real resource file for text, and the catalog services
/// over a real, migrated and seeded SQLite database. Disposed asynchronously, as MudBlazor's services require.
/// </summary>
public abstract class PortalComponentTest : BunitContext, IAsyncLifetime
{
    protected PortalComponentTest()
    {
        Catalog = SqliteCatalog.OpenInMemory();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddPortalLocalization();
        Catalog.AddCatalogServicesTo(Services);
    }

    /// <summary>The database behind the rendered components; edits through it reach them on their next read.</summary>
    protected SqliteCatalog Catalog { get; }

    public virtual async Task InitializeAsync()
    {
        await Catalog.MigrateAsync();
        await Catalog.SeedAsync();
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeTestAsync();

    protected virtual async Task DisposeTestAsync()
    {
        await DisposeAsync();
        await Catalog.DisposeAsync();
        await DisposeResourcesAsync();
    }

    /// <summary>Disposes what a derived test set up besides the catalog, after the components are gone.</summary>
    protected virtual ValueTask DisposeResourcesAsync() => ValueTask.CompletedTask;
}
