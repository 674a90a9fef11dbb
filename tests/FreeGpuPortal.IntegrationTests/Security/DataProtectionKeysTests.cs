using System.Net;

using FreeGpuPortal.Web.Accounts;
using FreeGpuPortal.Web.Data;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.IntegrationTests.Security;

public sealed class DataProtectionKeysTests
{
    [Fact]
    public async Task A_sign_in_cookie_from_one_instance_is_accepted_after_a_restart_on_the_same_data_directory()
    {
        var dataDirectory = PortalHost.NewDataDirectory();
        try
        {
            string cookie;
            IReadOnlyList<string> keys;
            await using (var first = PortalHost.For(PortalHostOptions.Observed with { DataDirectory = dataDirectory }))
            {
                await first.CreateAdminAsync("restart@example.org");
                var signIn = await PortalHost.SignInAsync(first.NewClient(), "restart@example.org", PortalHost.Password);
                Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
                cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
                keys = await StoredKeysAsync(first);
            }

            Assert.NotEmpty(keys);
            Assert.All(keys, k => Assert.Contains("<key ", k));

            await using var second = PortalHost.For(PortalHostOptions.Observed with { DataDirectory = dataDirectory });
            var client = second.NewClient();
            var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
            request.Headers.Add("Cookie", cookie.Split(';')[0]);

            var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(keys.Order(), (await StoredKeysAsync(second)).Order()); // no new key was needed
        }
        finally
        {
            await TestDatabase.For(dataDirectory).DropAsync();
            PortalHost.DeleteDataDirectory(dataDirectory);
        }
    }

    /// <summary>
    /// The key ring where the provider keeps it: files in the data directory on SQLite; rows in the database on
    /// PostgreSQL, shared by every instance, with no key folder at all.
    /// </summary>
    private static async Task<IReadOnlyList<string>> StoredKeysAsync(PortalHost portal)
    {
        var folder = Path.Combine(portal.DataDirectory, "keys");
        if (portal.Database.Provider == DatabaseProvider.Sqlite)
        {
            return [.. Directory.GetFiles(folder, "key-*.xml").Select(File.ReadAllText)];
        }

        Assert.False(Directory.Exists(folder));
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PostgreSqlAccountsDbContext>();
        return await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
    }

    [Fact]
    public async Task A_cookie_from_an_instance_with_other_keys_is_not_accepted()
    {
        await using var first = PortalHost.For(PortalHostOptions.Observed);
        await using var other = PortalHost.For(PortalHostOptions.Observed);
        await first.CreateAdminAsync("stranger@example.org");
        var signIn = await PortalHost.SignInAsync(first.NewClient(), "stranger@example.org", PortalHost.Password);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));

        var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var response = await other.NewClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location?.AbsolutePath);
    }
}
