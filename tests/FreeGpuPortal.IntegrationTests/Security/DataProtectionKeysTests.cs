using System.Net;

namespace FreeGpuPortal.IntegrationTests.Security;

public sealed class DataProtectionKeysTests
{
    [Fact]
    public async Task A_sign_in_cookie_from_one_instance_is_accepted_after_a_restart_on_the_same_data_directory()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "freegpuportal-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string cookie;
            await using (var first = new SharedDataPortal(dataDirectory))
            {
                await first.CreateAdminAsync("restart@example.org");
                var signIn = await SecurityPortal.SignInAsync(first.NewClient(), "restart@example.org", SecurityPortal.Password);
                Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
                cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
            }

            var keys = Directory.GetFiles(Path.Combine(dataDirectory, "keys"), "key-*.xml");
            Assert.NotEmpty(keys);
            Assert.All(keys, k => Assert.Contains("<key ", File.ReadAllText(k)));

            await using var second = new SharedDataPortal(dataDirectory);
            var client = second.NewClient();
            var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
            request.Headers.Add("Cookie", cookie.Split(';')[0]);

            var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(keys.Order(), Directory.GetFiles(Path.Combine(dataDirectory, "keys"), "key-*.xml").Order()); // no new key was needed
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            SecurityPortal.DeleteDataDirectory(dataDirectory);
        }
    }

    [Fact]
    public async Task A_cookie_from_an_instance_with_other_keys_is_not_accepted()
    {
        await using var first = new SecurityPortal();
        await using var other = new SecurityPortal();
        await first.CreateAdminAsync("stranger@example.org");
        var signIn = await SecurityPortal.SignInAsync(first.NewClient(), "stranger@example.org", SecurityPortal.Password);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));

        var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var response = await other.NewClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location?.AbsolutePath);
    }
}
