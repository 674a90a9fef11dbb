using System.Net;

using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Catalog.Transfer;
using FreeGpuPortal.Web.Data;
using FreeGpuPortal.Web.Operations;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.IntegrationTests.Operations;

/// <summary>
/// Each fault injected for real under the running app: the database file turned read-only, another
/// writer holding the database past the busy timeout, the disk full (a corrupt file at start-up: StartupRefusalTests,
/// on the published build). An admin's save
/// answers with what is wrong and saves nothing, /healthz answers 503 with Retry-After, public pages keep serving
/// from the in-memory snapshot, and once the fault is gone the same save goes through.
/// </summary>
/// <remarks>SQLite only: PostgreSQL keeps its own files and is backed up with pg_dump.</remarks>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Trait("Database", "SqliteOnly")]
public sealed class StorageFaultTests
{
    private static readonly Actor Admin = new("admin-1", "admin@example.org");

    private static PortalHost StartPortal(string databaseDirectory, string? extraConnectionOptions = null) =>
        OperationsPortal.Create(OperationsPortal.NewDirectory("fault-data"), new Dictionary<string, string>
        {
            ["ConnectionStrings:Catalog"] = $"Data Source={Path.Combine(databaseDirectory, DataDirectory.DefaultDatabaseFile)}{extraConnectionOptions}",
        });

    /// <summary>The change an admin makes in these tests: Colab's idle time, with evidence.</summary>
    private static async Task<PlatformChangeRequest> ColabEditAsync(PortalHost portal, int idleMinutes)
    {
        var model = await portal.Services.GetRequiredService<CatalogEditor>().GetForEditAsync("colab") ?? throw new InvalidOperationException("colab");
        model.IdleTimeoutMinutes.Min = idleMinutes;
        model.IdleTimeoutMinutes.Max = idleMinutes;
        var evidence = new ChangeEvidence
        {
            EvidenceUrl = "https://research.google.com/colaboratory/faq.html",
            Note = "Measured in a fresh session after a quiet period.",
        };
        return new PlatformChangeRequest(model, evidence, Admin);
    }

    private static async Task<(int Changes, int FieldChanges, double? IdleMin)> CatalogStateAsync(PortalHost portal)
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync();
        var colab = await db.Platforms.AsNoTracking().SingleAsync(p => p.Slug == "colab");
        return (await db.CatalogChanges.CountAsync(), await db.CatalogFieldChanges.CountAsync(), colab.IdleTimeoutMinutes.Min);
    }

    private static async Task AssertUnhealthyWithRetryAfterAsync(HttpClient client, string expected)
    {
        using var health = await client.GetAsync("/healthz");
        var body = await health.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("30", health.Headers.GetValues("Retry-After").Single());
        Assert.Contains(expected, body, StringComparison.Ordinal);
    }

    private static async Task<string> PublicPageAsync(HttpClient client)
    {
        using var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<tr data-platform=\"colab\"", html, StringComparison.Ordinal);
        using var platform = await client.GetAsync("/platforms/colab");
        Assert.Equal(HttpStatusCode.OK, platform.StatusCode);
        return html;
    }

    [Fact]
    public async Task Read_only_database_file_refuses_the_save_with_a_reason_is_unhealthy_and_public_pages_keep_serving()
    {
        var directory = OperationsPortal.NewDirectory("read-only-db");
        var file = Path.Combine(directory, DataDirectory.DefaultDatabaseFile);
        await using var portal = StartPortal(directory);
        var client = portal.NewClient();
        await PublicPageAsync(client);
        var before = await CatalogStateAsync(portal);
        var request = await ColabEditAsync(portal, 45);

        ReadOnlyFile.Set(file, readOnly: true);
        var result = await portal.Services.GetRequiredService<CatalogEditor>().UpdateAsync(request);

        Assert.Equal(new EditResult.StorageUnavailable(StorageProblem.ReadOnly), result);
        Assert.Equal(45, request.Platform.IdleTimeoutMinutes.Min); // the caller's input, untouched
        await AssertUnhealthyWithRetryAfterAsync(client, "read-only");
        await PublicPageAsync(client);
        Assert.Equal(before, await CatalogStateAsync(portal));

        ReadOnlyFile.Set(file, readOnly: false);
        Assert.IsType<EditResult.Success>(await portal.Services.GetRequiredService<CatalogEditor>().UpdateAsync(request));
        Assert.Equal((before.Changes + 1, before.FieldChanges + 1, 45d), await CatalogStateAsync(portal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        PortalHost.DeleteDataDirectory(directory);
    }

    [Fact]
    public async Task An_import_of_feature_texts_into_a_read_only_database_says_so_writes_nothing_and_applies_later()
    {
        var directory = OperationsPortal.NewDirectory("read-only-import");
        var file = Path.Combine(directory, DataDirectory.DefaultDatabaseFile);
        await using var portal = StartPortal(directory);
        await PublicPageAsync(portal.NewClient());
        var transfer = portal.Services.GetRequiredService<CatalogTransfer>();
        var exported = await transfer.ExportAsync();
        var renamed = exported with
        {
            Features = [.. exported.Features.Select(f => f.Key == "tpu" ? f with { NameZh = "免费 TPU 时长" } : f)],
        };
        var json = System.Text.Json.JsonSerializer.Serialize(renamed, CatalogTransfer.JsonOptions);
        var evidence = new ChangeEvidence { EvidenceUrl = "https://research.google.com/colaboratory/faq.html" };
        var before = await CatalogStateAsync(portal);

        ReadOnlyFile.Set(file, readOnly: true);
        var refused = await transfer.ApplyAsync(json, Admin, evidence);

        Assert.Equal([new EditResult.StorageUnavailable(StorageProblem.ReadOnly)], refused.Results);
        Assert.False(refused.Succeeded);
        Assert.Equal(0, refused.ReferenceChanges);
        Assert.Equal(before, await CatalogStateAsync(portal));

        ReadOnlyFile.Set(file, readOnly: false);
        var applied = await transfer.ApplyAsync(json, Admin, evidence);
        Assert.True(applied.Succeeded);
        Assert.Equal(1, applied.ReferenceChanges);
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync();
        Assert.Equal("免费 TPU 时长", (await db.Features.SingleAsync(f => f.Key == "tpu")).NameZh);
        PortalHost.DeleteDataDirectory(directory);
    }

    [Fact]
    public async Task A_writer_holding_the_database_past_the_busy_timeout_refuses_the_save_and_nothing_is_lost()
    {
        var directory = OperationsPortal.NewDirectory("busy-db");
        await using var portal = StartPortal(directory, ";Default Timeout=2");
        var client = portal.NewClient();
        await PublicPageAsync(client);
        var before = await CatalogStateAsync(portal);
        var request = await ColabEditAsync(portal, 50);

        await using (var other = new SqliteConnection($"Data Source={Path.Combine(directory, DataDirectory.DefaultDatabaseFile)};Pooling=False"))
        {
            await other.OpenAsync();
            await using var hold = other.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE; UPDATE Platforms SET Name = Name WHERE Slug = 'kaggle';";
            await hold.ExecuteNonQueryAsync();

            var result = await portal.Services.GetRequiredService<CatalogEditor>().UpdateAsync(request);

            Assert.Equal(new EditResult.StorageUnavailable(StorageProblem.Busy), result);
            await AssertUnhealthyWithRetryAfterAsync(client, "locked by another writer");
            await PublicPageAsync(client);
            await using var rollback = other.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }

        Assert.Equal(before, await CatalogStateAsync(portal));
        Assert.IsType<EditResult.Success>(await portal.Services.GetRequiredService<CatalogEditor>().UpdateAsync(request));
        Assert.Equal((before.Changes + 1, before.FieldChanges + 1, 50d), await CatalogStateAsync(portal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task A_full_disk_refuses_the_save_leaves_catalog_and_history_consistent_and_is_unhealthy()
    {
        using var disk = Tmpfs.Mount(4);
        await using var portal = StartPortal(disk.Path);
        var client = portal.NewClient();
        await PublicPageAsync(client);
        var before = await CatalogStateAsync(portal);
        var request = await ColabEditAsync(portal, 55);
        var filler = disk.Fill();

        var result = await portal.Services.GetRequiredService<CatalogEditor>().UpdateAsync(request);

        Assert.Equal(new EditResult.StorageUnavailable(StorageProblem.Full), result);
        await AssertUnhealthyWithRetryAfterAsync(client, "has no space left");
        await PublicPageAsync(client);
        Assert.Equal(before, await CatalogStateAsync(portal));
        await using (var check = new SqliteConnection($"Data Source={Path.Combine(disk.Path, DataDirectory.DefaultDatabaseFile)};Mode=ReadOnly;Pooling=False"))
        {
            await check.OpenAsync();
            await using var command = check.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", await command.ExecuteScalarAsync());
        }

        File.Delete(filler);
        Assert.IsType<EditResult.Success>(await portal.Services.GetRequiredService<CatalogEditor>().UpdateAsync(request));
        Assert.Equal((before.Changes + 1, before.FieldChanges + 1, 55d), await CatalogStateAsync(portal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }
}
