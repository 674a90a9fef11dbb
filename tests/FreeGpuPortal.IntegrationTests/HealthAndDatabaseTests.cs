using System.Net;
using System.Text.Json;

using FreeGpuPortal.Web.Data;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FreeGpuPortal.IntegrationTests;

public sealed class HealthAndDatabaseTests(PortalHost factory) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task Healthz_reports_healthy_when_the_database_is_reachable_and_migrated()
    {
        var response = await factory.CreateClient().GetAsync("/healthz");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_database_lives_in_the_configured_data_directory()
    {
        _ = await factory.CreateClient().GetAsync("/healthz");

        // On PostgreSQL the database is on the server, and no SQLite file appears beside the logs.
        Assert.Equal(
            factory.Database.Provider == DatabaseProvider.Sqlite,
            File.Exists(Path.Combine(factory.DataDirectory, DataDirectory.DefaultDatabaseFile)));
    }

    [Fact]
    public async Task Migrations_apply_to_an_empty_database_and_the_health_check_follows_them()
    {
        var path = Path.Combine(Path.GetTempPath(), $"freegpuportal-migrate-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<CatalogDbContext>().UseSqlite($"Data Source={path}").Options;
            var contextFactory = new OptionsContextFactory(options);
            var check = new DatabaseHealthCheck<CatalogDbContext>(contextFactory);
            await using (var db = new CatalogDbContext(options))
            {
                await db.Database.OpenConnectionAsync();
                Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
            }

            var before = await check.CheckHealthAsync(new HealthCheckContext());
            Assert.Equal(HealthStatus.Unhealthy, before.Status);

            await using (var db = new CatalogDbContext(options))
            {
                await db.Database.MigrateAsync();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                Assert.Equal(0, await db.Platforms.CountAsync());
            }

            var after = await check.CheckHealthAsync(new HealthCheckContext());
            Assert.Equal(HealthStatus.Healthy, after.Status);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task An_unreachable_database_is_unhealthy()
    {
        var options = new DbContextOptionsBuilder<CatalogDbContext>()
            .UseSqlite($"Data Source={Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "missing", "x.db")};Mode=ReadOnly")
            .Options;
        var check = new DatabaseHealthCheck<CatalogDbContext>(new OptionsContextFactory(options));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }

    [Fact]
    public async Task Restarting_the_app_on_the_same_data_directory_does_not_duplicate_the_seed()
    {
        await using var second = PortalHost.For(PortalHostOptions.Default with { DataDirectory = factory.DataDirectory });
        var html = await second.CreateClient().GetStringAsync("/");

        Assert.Equal(["colab", "kaggle", "gradient"], Html.PlatformRows(html));
    }
}

internal sealed class OptionsContextFactory(DbContextOptions<CatalogDbContext> options) : IDbContextFactory<CatalogDbContext>
{
    public CatalogDbContext CreateDbContext() => new(options);
}
