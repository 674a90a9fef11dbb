using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.Data;

/// <summary>
/// Hands out a provider's context type (such as <see cref="PostgreSqlCatalogDbContext"/>) where the app asks for the
/// common one, so no feature needs to know which database it runs on.
/// </summary>
public sealed class DerivedDbContextFactory<TContext, TDerived>(IDbContextFactory<TDerived> inner) : IDbContextFactory<TContext>
    where TContext : DbContext
    where TDerived : TContext
{
    public TContext CreateDbContext() => inner.CreateDbContext();

    public async Task<TContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
