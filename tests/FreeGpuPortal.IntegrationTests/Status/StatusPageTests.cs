using System.Net;

using FreeGpuPortal.IntegrationTests.Operations;
using FreeGpuPortal.Web.Data;

using Microsoft.AspNetCore.Mvc.Testing;

namespace FreeGpuPortal.IntegrationTests.Status;

/// <summary>
/// /status, the page for people beside /healthz for machines: whether the portal is healthy, when the catalog last
/// changed, when the cited sources were last checked, and whether backups are configured — in English at /status and
/// in Chinese at /zh-CN/status, linked from every page's footer.
/// </summary>
public sealed class StatusPageTests(PortalHost factory) : IClassFixture<PortalHost>
{
    private static bool OnPostgreSql => TestDatabase.CurrentProvider == DatabaseProvider.PostgreSQL;

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task The_english_page_says_the_portal_is_healthy_when_the_catalog_changed_and_that_no_backups_are_scheduled()
    {
        using var response = await Client().GetAsync("/status");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
        Assert.Contains("<h1 class=\"page-title\">Service status</h1>", html, StringComparison.Ordinal);
        Assert.Contains("data-status=\"Healthy\"", html, StringComparison.Ordinal);
        Assert.Contains("Everything works", html, StringComparison.Ordinal);
        foreach (var check in new[] { "catalog-database", "accounts-database", "storage-writable" })
        {
            Assert.Contains($"<tr data-check=\"{check}\">", html, StringComparison.Ordinal);
        }

        // The seed is the catalog's first change: its time is shown, in UTC.
        Assert.Matches("data-testid=\"status-catalog\">[^§]*?<time datetime=\"\\d{4}-\\d\\d-\\d\\dT", html);
        Assert.Contains("Not checked yet", html, StringComparison.Ordinal);
        Assert.Contains(OnPostgreSql ? "Taken by the database server (PostgreSQL)" : "Not configured: no scheduled backups", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ServiceStatus.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chinese_page_says_the_same_in_chinese()
    {
        using var response = await Client().GetAsync("/zh-CN/status");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"zh-CN\"", html, StringComparison.Ordinal);
        Assert.Contains("<h1 class=\"page-title\">服务状态</h1>", html, StringComparison.Ordinal);
        Assert.Contains("一切正常", html, StringComparison.Ordinal);
        Assert.Contains("目录数据库", html, StringComparison.Ordinal);
        Assert.Contains("尚未检查", html, StringComparison.Ordinal);
        Assert.Contains(OnPostgreSql ? "由数据库服务器（PostgreSQL）负责" : "未配置：没有计划备份", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Everything works", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ServiceStatus.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", "status")]
    [InlineData("/zh-CN/", "status")]
    public async Task The_footer_links_the_status_page_not_the_json(string path, string href)
    {
        var html = await Client().GetStringAsync(path);

        Assert.Contains($"<a href=\"{href}\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<a href=\"healthz\">", html[html.IndexOf("<footer", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }
}

/// <summary>The status page with Backup:Schedule set says backups are configured (without saying where they are).</summary>
public sealed class StatusPageWithBackupsTests
{
    [Fact]
    public async Task Backups_read_as_configured()
    {
        await using var portal = PortalHost.For(PortalHostOptions.Default.WithSettings(
            new Dictionary<string, string> { ["Backup:Schedule"] = "1.00:00:00" }));
        var html = await portal.CreateClient().GetStringAsync("/status");

        Assert.Contains(
            TestDatabase.CurrentProvider == DatabaseProvider.PostgreSQL
                ? "Taken by the database server (PostgreSQL)"
                : "Configured: the portal writes a backup on a schedule",
            html, StringComparison.Ordinal);
    }
}

/// <summary>When storage fails the status page still answers (200, never a 500) and says what is wrong.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Trait("Database", "SqliteOnly")]
public sealed class StatusPageOnFailingStorageTests
{
    [Fact]
    public async Task A_read_only_database_reads_as_failing_with_its_reason_and_the_page_still_answers()
    {
        var directory = OperationsPortal.NewDirectory("status-read-only");
        var file = Path.Combine(directory, DataDirectory.DefaultDatabaseFile);
        await using (var portal = OperationsPortal.Create(OperationsPortal.NewDirectory("status-data"), new Dictionary<string, string>
        {
            ["ConnectionStrings:Catalog"] = $"Data Source={file}",
        }))
        {
            var client = portal.NewClient();
            Assert.Contains("data-status=\"Healthy\"", await client.GetStringAsync("/status"), StringComparison.Ordinal);

            ReadOnlyFile.Set(file, readOnly: true);
            try
            {
                using var response = await client.GetAsync("/status");
                var html = await response.Content.ReadAsStringAsync();

                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains("data-status=\"Unhealthy\"", html, StringComparison.Ordinal);
                Assert.Contains("changes cannot be saved now", html, StringComparison.Ordinal);
                Assert.Matches("<tr data-check=\"storage-writable\">[^§]*?Failing · <span lang=\"en\">[^<]*read-only", html);
            }
            finally
            {
                ReadOnlyFile.Set(file, readOnly: false);
            }
        }

        PortalHost.DeleteDataDirectory(directory);
    }
}
