using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Data;

using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.IntegrationTests.Admin;

/// <summary>
/// Two admins race for one slug: the editor's check passes for both, and the database's unique index refuses the
/// second write. On either provider (this suite runs on SQLite and on PostgreSQL) the loser gets the slug refusal at
/// the field, not a 500, and nothing of the refused save is written.
/// </summary>
public sealed class SlugRaceTests
{
    private static readonly Actor Admin = new("admin-1", "admin@example.org");
    private static readonly ChangeEvidence Evidence = new() { EvidenceUrl = "https://example.org/race" };

    /// <summary>Just before a save that writes <paramref name="slug"/>, another writer gives that slug to Colab.</summary>
    private sealed class SlugTakenJustBeforeSave(string slug) : SaveChangesInterceptor
    {
        private int _fired;

        public IServiceScopeFactory? Scopes { get; set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var writesSlug = eventData.Context?.ChangeTracker.Entries<Platform>()
                .Any(e => e.Entity.Slug == slug && e.State is EntityState.Added or EntityState.Modified) == true;
            if (writesSlug && Interlocked.Exchange(ref _fired, 1) == 0)
            {
                await using var scope = Scopes!.CreateAsyncScope();
                var other = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
                await other.Platforms.Where(p => p.Slug == "colab")
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.Slug, slug), cancellationToken);
            }

            return result;
        }
    }

    private static async Task<(EditResult Result, CatalogEditor Editor, IServiceProvider Services)> RaceAsync(
        PortalHost portal, Func<CatalogEditor, Task<EditResult>> save, string slug)
    {
        var race = new SlugTakenJustBeforeSave(slug);
        void Intercept(IServiceProvider provider, DbContextOptionsBuilder options)
        {
            race.Scopes ??= provider.GetRequiredService<IServiceScopeFactory>();
            options.AddInterceptors(race);
        }

        // PostgreSQL's context is a subclass with options of its own: intercept whichever the run uses.
        var host = portal.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<CatalogDbContext>(Intercept);
            services.ConfigureDbContext<PostgreSqlCatalogDbContext>(Intercept);
        }));
        _ = host.CreateClient(); // start the app: migrate and seed
        var editor = host.Services.GetRequiredService<CatalogEditor>();
        return (await save(editor), editor, host.Services);
    }

    [Fact]
    public async Task A_new_platform_whose_slug_was_taken_after_the_check_is_refused_at_the_slug_field()
    {
        await using var portal = new PortalHost();
        var (result, editor, _) = await RaceAsync(
            portal,
            editor => editor.CreateAsync(new PlatformChangeRequest(new PlatformEditModel { Slug = "studio-lab", Name = "Studio Lab" }, Evidence, Admin)),
            "studio-lab");

        var refused = Assert.IsType<EditResult.ValidationFailed>(result);
        Assert.Equal(["The slug “studio-lab” is already in use."], refused.Errors["Slug"]);
        // The winner holds the slug; the loser's platform and history entry were not written.
        Assert.Equal("Google Colab", (await editor.GetForEditAsync("studio-lab"))!.Name);
    }

    [Fact]
    public async Task A_rename_to_a_slug_taken_after_the_check_is_refused_and_the_platform_keeps_its_slug()
    {
        await using var portal = new PortalHost();
        var (result, editor, services) = await RaceAsync(
            portal,
            async editor =>
            {
                var kaggle = (await editor.GetForEditAsync("kaggle"))!;
                kaggle.Slug = "kaggle-notebooks";
                return await editor.UpdateAsync(new PlatformChangeRequest(kaggle, Evidence, Admin));
            },
            "kaggle-notebooks");

        var refused = Assert.IsType<EditResult.ValidationFailed>(result);
        Assert.Equal(["The slug “kaggle-notebooks” is already in use."], refused.Errors["Slug"]);
        Assert.NotNull(await editor.GetForEditAsync("kaggle"));
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        Assert.Equal(0, await db.CatalogChanges.CountAsync(c => c.Kind == ChangeKind.Edit));
    }
}
