using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;

using FreeGpuPortal.Web.Accounts;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Serilog.AspNetCore;
using Serilog.Core;
using Serilog.Events;
using Serilog.Extensions.Hosting;
using Serilog.Extensions.Logging;

namespace FreeGpuPortal.IntegrationTests.Security;

/// <summary>
/// The real app on a real SQLite file, as <see cref="PortalFactory"/>, with what the security tests need: every log
/// event captured, a fixed client address (the test server has none), generous sign-in limits, and settings to run
/// outside Development, over HTTPS, with two-factor sign-in required, or on another instance's data directory.
/// </summary>
public class SecurityPortal : PortalFactory
{
    public const string ClientIp = "203.0.113.7";
    public const string Password = "correct horse battery staple";

    public SecurityPortal()
        : this("Development", null, null)
    {
    }

    protected SecurityPortal(string environmentName, string? dataDirectory, IReadOnlyDictionary<string, string>? settings, Uri? baseAddress = null)
        : base(new PortalHostOptions
        {
            Environment = environmentName,
            DataDirectory = dataDirectory,
            Settings = settings ?? new Dictionary<string, string>(),
            // Not "localhost": HSTS is never sent to localhost.
            BaseAddress = baseAddress ?? (environmentName != "Development" ? new Uri("https://portal.example") : null),
        })
    {
    }

    public CapturedLog Log { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        new Dictionary<string, string>
        {
            ["Serilog:MinimumLevel:Default"] = "Information",
            ["RateLimits:SignIn:PermitPerMinute"] = "10000",
            ["Admin:SessionValidationSeconds"] = "0",
        }.Concat(Options.Settings);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            // Serilog reads sinks registered as services (ReadFrom.Services).
            services.AddSingleton<ILogEventSink>(Log);
            // The app hands its logger to Serilog's static Log.Logger, which test hosts running in parallel share:
            // log through this host's own logger, so each host's capture holds its own events and only those.
            services.AddSingleton<ILoggerFactory>(provider => new SerilogLoggerFactory(provider.GetRequiredService<Serilog.ILogger>()));
            services.AddOptions<RequestLoggingOptions>().Configure<Serilog.ILogger>((options, logger) => options.Logger = logger);
            services.AddSingleton(provider => new DiagnosticContext(provider.GetRequiredService<Serilog.ILogger>()));
            services.AddSingleton<Serilog.IDiagnosticContext>(provider => provider.GetRequiredService<DiagnosticContext>());
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new FixedClientAddress());
        });
    }

    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = ClientOptions.BaseAddress,
    });

    public async Task<PortalUser> CreateAdminAsync(string email)
    {
        var error = new StringWriter();
        var code = await AdminCommand.RunAsync(Services, ["admin", "create", "--email", email], new StringReader(Password + "\n"), TextWriter.Null, error);
        Assert.True(code == 0, error.ToString());
        return await FindAsync(email);
    }

    public async Task<PortalUser> CreateUserAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        return user;
    }

    public async Task<PortalUser> FindAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
    }

    /// <summary>Turns on an authenticator for the account and returns its key, to compute codes with <see cref="Totp"/>.</summary>
    public async Task<string> EnableAuthenticatorAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    /// <summary>A client signed in with the password through the Login form (the client keeps the cookies).</summary>
    public async Task<HttpClient> SignedInClientAsync(string email)
    {
        var client = NewClient();
        var response = await SignInAsync(client, email, Password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {email}: {response.StatusCode}");
        return client;
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        await PostFormAsync(client, "/Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>Reads the form page for its antiforgery token, then posts the form with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client, string path, string handler, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        fields["__RequestVerificationToken"] = AntiforgeryToken(page);
        fields["_handler"] = handler;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    public static string AntiforgeryToken(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value is { Length: > 0 } token
            ? token
            : throw new InvalidOperationException("The page has no antiforgery token.");

    public static void DeleteDataDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on a slow machine: the OS temp cleaner gets it later.
        }
    }

    private sealed class FixedClientAddress : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(ClientIp);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>Outside Development (Production), over HTTPS: secure cookies, HSTS, two-factor sign-in required by default.</summary>
public sealed class ProductionSecurityPortal() : SecurityPortal("Production", null, null);

/// <summary>An instance on a data directory that outlives it, as after a restart.</summary>
public sealed class SharedDataPortal(string dataDirectory) : SecurityPortal("Development", dataDirectory, null);

/// <summary>Development, but with "Admin:RequireTwoFactor" on.</summary>
public sealed class TwoFactorSecurityPortal() : SecurityPortal("Development", null, new Dictionary<string, string> { ["Admin:RequireTwoFactor"] = "true" });

/// <summary>Every log event the app writes, rendered and with its properties.</summary>
public sealed class CapturedLog : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    public IReadOnlyList<LogEvent> Security(string eventType) =>
        [.. Events.Where(e => e.Properties.TryGetValue("EventType", out var type) && Scalar(type) == eventType)];

    public static string? Scalar(LogEventPropertyValue? value) => (value as ScalarValue)?.Value?.ToString();

    /// <summary>The whole event as text: message, exception and every property, to search for leaks.</summary>
    public static string Everything(LogEvent e) =>
        e.RenderMessage() + " " + e.Exception + " " + string.Join(" ", e.Properties.Select(p => $"{p.Key}={p.Value}"));
}
