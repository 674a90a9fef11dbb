using System.Net;

using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Catalog.Editing;
using FreeGpuPortal.Web.Data;

using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.IntegrationTests.Operations;

/// <summary>
/// The PostgreSQL server goes away mid-traffic and comes back: public pages keep serving from the snapshot, an admin's
/// save made while it is down is retried (EnableRetryOnFailure) and lands once, and after the restart nothing answers
/// 5xx. The test runs a server of its own, so it runs once per test run, not once per database pass.
/// </summary>
[Trait("Database", "OwnPostgreSqlServer")]
public sealed class PostgreSqlRestartTests
{
    private static readonly string[] s_publicReads = ["/", "/?q=k80", "/?sort=-gpuMemoryGb", "/platforms/colab", "/api/v1/platforms", "/compare?p=colab&p=kaggle"];

    [Fact]
    public async Task A_server_restart_mid_traffic_loses_no_save_and_leaves_no_5xx()
    {
        await using var server = await PostgreSqlServer.StartAsync();
        await using var portal = PortalHost.For(PortalHostOptions.Default with
        {
            Provider = DatabaseProvider.PostgreSQL,
            PostgreSqlServer = server.ConnectionString,
        });
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        await AssertAllReadsSucceedAsync(client);
        var changesBefore = await ChangeCountAsync(portal);
        var editor = portal.Services.GetRequiredService<CatalogEditor>();
        var model = await editor.GetForEditAsync("colab") ?? throw new InvalidOperationException("colab");
        model.IdleTimeoutMinutes.Min = 55;
        model.IdleTimeoutMinutes.Max = 55;
        var request = new PlatformChangeRequest(
            model,
            new ChangeEvidence { EvidenceUrl = "https://research.google.com/colaboratory/faq.html", Note = "Saved while the database restarted." },
            new Actor("admin-1", "admin@example.org"));

        await server.StopAsync();
        var save = editor.UpdateAsync(request);
        await AssertAllReadsSucceedAsync(client); // from the snapshot while the server is down
        await Task.Delay(TimeSpan.FromSeconds(2));
        await server.StartServerAsync();

        Assert.IsType<EditResult.Success>(await save.WaitAsync(TimeSpan.FromMinutes(2)));
        for (var round = 0; round < 5; round++)
        {
            await AssertAllReadsSucceedAsync(client);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(changesBefore + 1, await ChangeCountAsync(portal)); // retried, yet recorded once
        Assert.Contains("55", await client.GetStringAsync("/api/v1/platforms/colab"), StringComparison.Ordinal);
    }

    private static async Task AssertAllReadsSucceedAsync(HttpClient client)
    {
        foreach (var path in s_publicReads)
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
        }
    }

    private static async Task<int> ChangeCountAsync(PortalHost portal)
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync();
        return await db.CatalogChanges.CountAsync();
    }
}
